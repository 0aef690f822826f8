package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.adapter.cli.ReportCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code baton report} against a running Baton: the funnel by source as a table, a metric, and CSV. */
class ReportCommandTest extends LeadScenarios {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int report(String... args) {
        var all = new java.util.ArrayList<>(java.util.List.of(args));
        all.addAll(java.util.List.of("--url", "http://localhost:" + port, "--token", TOKEN));
        return new CommandLine(new ReportCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
    }

    @Test
    void theFunnelBySourcePrintsARowPerSourceAndTheTotal() {
        String campaign = unique("cli");
        long first = mql(campaign + "-a");
        mql(campaign + "-a");
        mql(campaign + "-b");
        clock.set(NOW.plus(Duration.ofHours(1)));
        assertThat(postJson("/api/v1/leads/" + first + "/accept", "{}").status())
                .isEqualTo(200);

        int exit = report("funnel", "--from", "2026-11-20", "--to", "2026-11-20", "--by", "source");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Funnel 2026-11-20 – 2026-11-20 (cohort")
                .containsPattern("source\\s+mql\\s+accepted\\s+SQL\\s+opportunity\\s+won\\s+MQL → won")
                .containsPattern(campaign + "-a\\s+2\\s+1\\s+0\\s+0\\s+0\\s+0.0%")
                .containsPattern(campaign + "-b\\s+1\\s+0\\s+0\\s+0\\s+0\\s+0.0%");
    }

    @Test
    void aMetricPrintsItsValueTheFiguresItIsMadeOfAndItsTarget() {
        String source = unique("cli");
        long first = mql(source);
        mql(source);
        clock.set(NOW.plus(Duration.ofHours(1)));
        assertThat(postJson("/api/v1/leads/" + first + "/accept", "{}").status())
                .isEqualTo(200);

        int exit = report("metric", "acceptance-rate", "--from", "2026-11-01", "--source", source);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Acceptance rate (acceptance-rate), 2026-11-01 – 2026-11-20")
                .containsPattern("total\\s+50.0%\\s+1 / 2\\s+2")
                .contains("target: at least 70% (sales): missed");
    }

    @Test
    void cohortsPrintEachMonthsMqlsAndHowFarTheyCame() {
        String source = unique("cli");
        long first = mql(source);
        mql(source);
        clock.set(NOW.plus(Duration.ofHours(12)));
        assertThat(postJson("/api/v1/leads/" + first + "/accept", "{}").status())
                .isEqualTo(200);

        int exit = report("cohorts", "--from", "2026-11-01", "--source", source);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Cohorts by month, 2026-11-01 – 2026-11-20")
                .containsPattern("2026-11\\s+2\\s+1 \\(50.0%, 0.5 d\\)\\s+0 \\(0.0%\\)");
    }

    @Test
    void theScorecardPrintsBothSidesWithTargetsAndStatuses() {
        String source = unique("cli");
        mql(source);

        int exit = report("scorecard", "--from", "2026-11-01", "--source", source);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .containsPattern("marketing\\s+mqls-per-month\\s+[0-9.]+\\s+≥ 100\\s+marketing\\s+off-track")
                .containsPattern("sales\\s+first-touch-on-time-share\\s+—\\s+—\\s+no-data")
                .containsPattern("shared\\s+mql-to-won-rate\\s+0.0%\\s+≥ 4%, ≤ 6%\\s+shared\\s+off-track")
                .contains("status: on track: the figure meets its target");
    }

    @Test
    void thePlanPrintsTheNeedsPerSourceAndTheTotal() {
        String source = unique("cli");
        long id = mql(source);
        clock.set(NOW.plus(Duration.ofHours(1)));
        assertThat(postJson("/api/v1/leads/" + id + "/accept", "{}").status()).isEqualTo(200);
        assertThat(postJson(
                                "/api/v1/leads/" + id + "/qualify",
                                "{\"bant\":{\"budget\":\"b\",\"authority\":\"a\",\"need\":\"n\",\"timeline\":\"t\"}}")
                        .status())
                .isEqualTo(200);
        assertThat(postJson(
                                "/api/v1/leads/" + id + "/opportunity",
                                "{\"amount\":5000,\"currency\":\"USD\",\"expectedCloseDate\":\"2026-12-31\"}")
                        .status())
                .isEqualTo(200);
        assertThat(postJson("/api/v1/leads/" + id + "/won", "{}").status()).isEqualTo(200);
        clock.set(java.time.Instant.parse("2026-12-02T15:00:00Z"));

        int exit = new CommandLine(new dev.baton.adapter.cli.PlanCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(
                        "--won",
                        "2",
                        "--per",
                        "month",
                        "--months",
                        "1",
                        "--source",
                        source,
                        "--url",
                        "http://localhost:" + port,
                        "--token",
                        TOKEN);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("To win 2.0 deals a month, at the rates of 2026-11-01 – 2026-11-30:")
                .containsPattern(source + "\\s+100%\\s+2.0\\s+2.0\\s+2.0\\s+2.0\\s+10,000.0")
                .containsPattern("total\\s+100%\\s+2.0");
    }

    @Test
    void csvIsTheApisCsvAndARefusalExitsOne() {
        String source = unique("cli");
        mql(source);

        int exit = report("metric", "mqls", "--from", "2026-11-20", "--source", source, "--csv");
        String csv = out.toString();
        int refused = report("metric", "mqls", "--by", "colour");
        int unknown = report("nonsense");

        assertThat(exit).isZero();
        assertThat(csv.lines()).containsExactly("key,value,numerator,denominator,count", "total,1,1,,1");
        assertThat(refused).isEqualTo(1);
        assertThat(err.toString()).contains("'colour' is not a breakdown").contains("'nonsense' is not a report");
        assertThat(unknown).isEqualTo(1);
    }

    private long mql(String source) {
        clock.set(NOW);
        String email = unique("dana") + "@acme-" + unique("co") + ".example";
        long id = createLead(idealLead(email).replace("\"source\":\"webinar\"", "\"source\":\"" + source + "\""));
        Instant at = NOW;
        qualifyAt(id, at);
        return id;
    }
}
