package dev.baton.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DiffCommandTest {

    private static final String SAAS = "examples/agreements/saas-north-america-europe.yaml";
    private static final String IT_SERVICES = "examples/agreements/it-services-emea.yaml";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int diff(String from, String to) {
        return new CommandLine(new DiffCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(from, to);
    }

    @Test
    void diffOfTheTwoExamplesListsTheirRealDifferences() {
        int exit = diff(SAAS, IT_SERVICES);

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains("~ mql: threshold 60 → 70")
                .contains("~ mql: min-fit 30 → 25")
                .contains("~ calendar: timezone America/New_York → Europe/Berlin")
                .contains("- fit senior-title: removed")
                .contains("+ fit it-decision-maker: added")
                .contains("~ fit company-size: points 15 → 20")
                .contains("+ intent security-assessment-request: added")
                .contains("- reason-codes NOT_ICP: removed")
                .contains("+ teams dach: added")
                .contains("~ sla: first-touch-within 24h → 2 business days")
                .contains("~ targets acceptance-rate: at-least 70% → 75%")
                .doesNotContain("reason-codes NO_BUDGET: removed");
    }

    @Test
    void anAgreementDoesNotDifferFromItself() {
        assertThat(diff(SAAS, SAAS)).isZero();
        assertThat(out.toString().strip()).isEqualTo("no differences");
    }

    @Test
    void invalidAgreementCannotBeDiffed() {
        int exit = diff(SAAS, "src/test/resources/broken/wrong-type.yaml");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("wrong-type.yaml:14:13:");
    }
}
