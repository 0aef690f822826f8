package dev.baton.adapter.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OlistFunnelTest {

    static final Path SAMPLE = Path.of("src/test/resources/olist-sample");

    @TempDir
    Path out;

    @Test
    void eachMqlBecomesALeadWithItsOriginAsSourceAndBlankOriginsStayBlank() throws Exception {
        OlistFunnel.convert(SAMPLE, out);

        assertThat(Files.readAllLines(out.resolve("leads.csv")))
                .containsExactly(
                        "email,external_id,source,attr_landing_page_id,attr_seller_id,attr_business_segment,"
                                + "attr_lead_type,attr_lead_behaviour_profile,attr_has_company,attr_has_gtin,"
                                + "attr_average_stock,attr_business_type,attr_declared_product_catalog_size,"
                                + "attr_declared_monthly_revenue",
                        "contact@a1000000000000000000000000000001.olist.example,a1000000000000000000000000000001,social,"
                                + "lp01,s0000000000000000000000000000001,pet,online_medium,cat,,,,reseller,,0.0",
                        "contact@a1000000000000000000000000000002.olist.example,a1000000000000000000000000000002,,"
                                + "lp02,,,,,,,,,,",
                        "contact@a1000000000000000000000000000003.olist.example,a1000000000000000000000000000003,unknown,"
                                + "lp01,s0000000000000000000000000000003,home_decor,industry,eagle,True,False,5-20,"
                                + "manufacturer,100.0,20000.0",
                        "contact@a1000000000000000000000000000004.olist.example,a1000000000000000000000000000004,"
                                + "paid_search,lp03,,,,,,,,,,");
    }

    @Test
    void mqlsReachMqlAtTheirFirstContactAndClosedDealsAreQualifiedBySdrAndWonBySr() throws Exception {
        OlistFunnel.Summary summary = OlistFunnel.convert(SAMPLE, out);

        List<String> lines = Files.readAllLines(out.resolve("stage-changes.csv"));
        String first = "contact@a1000000000000000000000000000001.olist.example";
        assertThat(lines.get(0)).isEqualTo("email,stage,at,actor,source");
        assertThat(lines.subList(1, 6))
                .as("a day in São Paulo starts at 02:00 UTC in its summer time")
                .containsExactly(
                        first + ",mql,2018-02-01T02:00:00Z,social,olist",
                        first + ",accepted,2018-02-01T02:00:00Z,d0000000000000000000000000000001,olist",
                        first + ",sql,2018-02-01T02:00:00Z,d0000000000000000000000000000001,olist",
                        first + ",opportunity,2018-02-01T02:00:00Z,r0000000000000000000000000000001,olist",
                        first + ",won,2018-02-26T19:58:54Z,r0000000000000000000000000000001,olist");
        assertThat(lines.get(6))
                .as("a blank origin: marketing brought the lead")
                .isEqualTo(
                        "contact@a1000000000000000000000000000002.olist.example,mql,2017-10-20T02:00:00Z,marketing,olist");
        assertThat(lines).hasSize(1 + 4 + 2 * 4);
        assertThat(summary.leads()).isEqualTo(4);
        assertThat(summary.deals()).isEqualTo(2);
        assertThat(summary.stageChanges()).containsEntry("mql", 4).containsEntry("won", 2);
    }

    @Test
    void aDealWonBeforeItsFirstContactIsWonAtItsFirstContactAndSaysSo() throws Exception {
        OlistFunnel.Summary summary = OlistFunnel.convert(SAMPLE, out);

        assertThat(Files.readAllLines(out.resolve("stage-changes.csv")))
                .contains("contact@a1000000000000000000000000000003.olist.example,won,2018-03-08T03:00:00Z,"
                        + "r0000000000000000000000000000001,olist");
        assertThat(summary.notes())
                .singleElement()
                .asString()
                .contains("a1000000000000000000000000000003 was won on 2018-03-06T19:38:55Z, before its first contact");
    }

    @Test
    void aMissingColumnIsReportedWithTheFile(@TempDir Path in) throws IOException {
        Files.writeString(in.resolve(OlistFunnel.DEALS), "mql_id,sdr_id\n");
        Files.writeString(in.resolve(OlistFunnel.MQLS), "mql_id,first_contact_date,landing_page_id,origin\n");

        assertThatThrownBy(() -> OlistFunnel.convert(in, out))
                .isInstanceOf(OlistFunnel.InvalidInput.class)
                .hasMessageEndingWith(OlistFunnel.DEALS + ":1: the column sr_id is missing");
    }
}
