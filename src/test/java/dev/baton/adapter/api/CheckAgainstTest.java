package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.adapter.cli.CheckCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code baton check FILE --against URL}: each target of the file beside what a running Baton measured over the last
 * full months. The history is in June 2031, a month no other test writes, and the check runs in July.
 */
class CheckAgainstTest extends LeadScenarios {

    private static final Instant JULY = Instant.parse("2031-07-15T12:00:00Z");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aTargetFarFromTheLastMonthsIsAWarningAndTheFileStaysValid() {
        for (int day = 10; day <= 11; day++) {
            Instant at = Instant.parse("2031-06-" + day + "T15:00:00Z");
            clock.set(at);
            long id = createLead(idealLead(unique("dana") + "@acme-" + unique("co") + ".example"));
            qualifyAt(id, at);
            if (day == 10) {
                clock.set(at.plusSeconds(3600));
                assertThat(postJson("/api/v1/leads/" + id + "/accept", "{}").status())
                        .isEqualTo(200);
            }
        }
        clock.set(JULY);

        int exit = check("--months", "1");

        assertThat(exit).as(err.toString()).isZero();
        String file = "examples/agreements/saas-north-america-europe.yaml";
        assertThat(out.toString())
                .contains(file + ": ok — ")
                // two MQLs in June against a hundred a month
                .contains(file + ": warning: mqls-per-month: at-least 100 is far above the 2 measured from 2031-06-01"
                        + " to 2031-06-30 (50.0× it)")
                .contains(file + ": warning: opportunity-to-won-rate: nothing measured from 2031-06-01 to 2031-06-30")
                // one of two accepted: 50% against 70% is a stretch, not far from it
                .doesNotContain("warning: acceptance-rate");
    }

    @Test
    void aBatonThatCannotBeReachedExitsTwo() {
        int exit = new CommandLine(new CheckCommand(Clock.fixed(JULY, ZoneOffset.UTC)))
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute("examples/agreements/saas-north-america-europe.yaml", "--against", "http://localhost:1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("cannot reach Baton at http://localhost:1");
    }

    private int check(String... options) {
        var all = new java.util.ArrayList<>(java.util.List.of(
                "examples/agreements/saas-north-america-europe.yaml",
                "--against",
                "http://localhost:" + port,
                "--token",
                TOKEN));
        all.addAll(java.util.List.of(options));
        return new CommandLine(new CheckCommand(Clock.fixed(JULY, ZoneOffset.UTC)))
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
    }
}
