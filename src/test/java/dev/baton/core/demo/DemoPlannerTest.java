package dev.baton.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.adapter.holidays.JollydayHolidays;
import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.core.agreement.Agreement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoPlannerTest {

    private static final Instant END = Instant.parse("2026-06-15T13:07:00Z");

    private static Agreement example() throws IOException {
        String source = Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml"));
        return new AgreementYamlReader(new JollydayHolidays())
                .read(source, "example")
                .orThrow();
    }

    @Test
    void theSameSeedPlansTheSameFunnelAndAnotherSeedAnother() throws IOException {
        Agreement agreement = example();

        DemoPlan one = DemoPlanner.plan(agreement, 7, END, 5, 600);
        DemoPlan again = DemoPlanner.plan(agreement, 7, END, 5, 600);
        DemoPlan other = DemoPlanner.plan(agreement, 8, END, 5, 600);

        assertThat(again).isEqualTo(one);
        assertThat(other.moves()).isNotEqualTo(one.moves());
    }

    @Test
    void thePlanSpansTheMonthsBeforeTheEndInTimeOrder() throws IOException {
        DemoPlan plan = DemoPlanner.plan(example(), DemoPlanner.DEFAULT_SEED, END, 5, 2000);

        assertThat(plan.to()).isEqualTo(Instant.parse("2026-06-15T13:00:00Z"));
        assertThat(plan.from()).isEqualTo(Instant.parse("2026-01-15T13:00:00Z"));
        assertThat(plan.moves()).isSortedAccordingTo(Comparator.comparing(Move::at));
        assertThat(plan.moves())
                .allMatch(move -> move.at().isAfter(plan.from()) && move.at().isBefore(plan.to()));
        assertThat(plan.leads()).hasSize(2000);
        assertThat(plan.leadsBySource())
                .containsOnlyKeys("webinar", "demo-request", "event", "content", "organic", "paid-social");
        assertThat(plan.leadsByTeam()).containsOnlyKeys("na-mid-market", "europe");
        System.out.println(summary(plan));
    }

    static String summary(DemoPlan plan) {
        var bySource = plan.qualifications().stream()
                .collect(Collectors.groupingBy(
                        q -> plan.leads().stream()
                                .filter(l -> l.email().equals(q.email()))
                                .findFirst()
                                .orElseThrow()
                                .source(),
                        Collectors.counting()));
        var byMonth = plan.qualifications().stream()
                .collect(Collectors.groupingBy(
                        q -> q.at().truncatedTo(ChronoUnit.DAYS).toString().substring(0, 7),
                        java.util.TreeMap::new,
                        Collectors.counting()));
        return "leads " + plan.leadsBySource() + "\nMQLs by source " + bySource + "\nMQLs by month " + byMonth
                + "\ncycle 2: "
                + plan.qualifications().stream().filter(q -> q.cycle() == 2).count()
                + "\nmoves "
                + plan.moves().stream()
                        .collect(Collectors.groupingBy(m -> m.getClass().getSimpleName(), Collectors.counting()))
                + "\nrejections " + plan.rejectionsByReason();
    }
}
