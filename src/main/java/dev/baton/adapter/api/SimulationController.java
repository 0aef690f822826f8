package dev.baton.adapter.api;

import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.adapter.yaml.ReadResult;
import dev.baton.core.access.Actor;
import dev.baton.core.access.SimulationWork;
import dev.baton.core.engine.SimulationStore;
import dev.baton.core.engine.Simulations;
import dev.baton.core.simulation.SimulationReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backtests of drafts on the stored history: asked for a stored version or an agreement file and a period, worked in
 * the background, and read with their progress and, once done, their report.
 */
@RestController
@Tag(name = "Simulations", description = "A draft replayed on history against the active version before sign-off")
class SimulationController {

    private final SimulationWork work;
    private final Simulations simulations;
    private final AgreementYamlReader reader;

    SimulationController(SimulationWork work, Simulations simulations, AgreementYamlReader reader) {
        this.work = work;
        this.simulations = simulations;
        this.reader = reader;
    }

    /** The period to replay: days in the draft's timezone, both included; the last 90 days by default. */
    record PeriodRequest(@Nullable String from, @Nullable String to) {
        Simulations.Period period() {
            return new Simulations.Period(QueryParams.date("from", from), QueryParams.date("to", to));
        }
    }

    @PostMapping(
            path = "/api/v1/agreements/{number}/simulations",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Simulate a stored version on history against the active version (from and to are days in the"
                    + " agreement's timezone, the last 90 days by default); worked in the background",
            responses = @ApiResponse(responseCode = "202", description = "Queued; follow its progress at Location"))
    ResponseEntity<SimulationView> simulateVersion(
            Actor actor, @PathVariable int number, @RequestBody(required = false) @Nullable PeriodRequest body) {
        Simulations.Period period = body == null
                ? new Simulations.Period(java.util.Optional.empty(), java.util.Optional.empty())
                : body.period();
        return accepted(work.simulate(actor, number, period));
    }

    @PostMapping(
            path = "/api/v1/simulations",
            consumes = {AgreementController.YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Simulate an agreement file that is not stored as a version (400 with every problem if it is"
                    + " invalid); worked in the background",
            responses = @ApiResponse(responseCode = "202", description = "Queued; follow its progress at Location"))
    ResponseEntity<SimulationView> simulateFile(
            Actor actor,
            @RequestBody String source,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        Simulations.Period period = new PeriodRequest(from, to).period();
        ReadResult result = reader.read(source, "request body");
        if (!result.isValid()) {
            throw new InvalidAgreement(result.problems());
        }
        return accepted(work.simulate(actor, result.orThrow(), source, period));
    }

    @GetMapping(path = "/api/v1/simulations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A simulation: its progress, and its report once done")
    SimulationView simulation(@PathVariable long id) {
        return SimulationView.of(simulations.job(id));
    }

    @GetMapping(path = "/api/v1/agreements/{number}/simulations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The simulations of a stored version, newest first")
    List<SimulationView> ofVersion(@PathVariable int number) {
        return simulations.ofVersion(number).stream().map(SimulationView::of).toList();
    }

    private static ResponseEntity<SimulationView> accepted(SimulationStore.Job job) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/simulations/" + job.id()))
                .body(SimulationView.of(job));
    }

    /** A simulation as the API shows it; the period's days both included. */
    record SimulationView(
            long id,
            @Nullable Integer version,
            int against,
            LocalDate from,
            LocalDate to,
            String status,
            long total,
            long done,
            double percent,
            String requestedBy,
            Instant requestedAt,
            @Nullable Instant finishedAt,
            @Nullable String error,
            @Nullable ReportView report) {

        static SimulationView of(SimulationStore.Job job) {
            ZoneId zone = job.report().map(r -> ZoneId.of(r.zone())).orElse(java.time.ZoneOffset.UTC);
            double percent = job.status() == SimulationStore.Job.Status.DONE
                    ? 100.0
                    : job.total() == 0 ? 0.0 : Math.min(100.0, 100.0 * job.done() / job.total());
            return new SimulationView(
                    job.id(),
                    job.version().orElse(null),
                    job.activeVersion(),
                    LocalDate.ofInstant(job.from(), zone),
                    LocalDate.ofInstant(job.to(), zone).minusDays(1),
                    job.status().name().toLowerCase(Locale.ROOT),
                    job.total(),
                    job.done(),
                    Math.round(percent * 10) / 10.0,
                    job.requestedBy(),
                    job.requestedAt(),
                    job.finishedAt().orElse(null),
                    job.error().orElse(null),
                    job.report().map(ReportView::of).orElse(null));
        }
    }

    /** What the draft would have done, beside the active version and what really happened. */
    record ReportView(
            String summary,
            String timezone,
            long leads,
            long draftMqls,
            long activeMqls,
            long recordedMqls,
            @Nullable Double weeklyTarget,
            List<SimulationReport.Week> weeks,
            GroupView newlyQualified,
            GroupView noLongerQualified,
            GroupView bothQualified,
            int draftThreshold,
            @Nullable Double sqlTarget,
            @Nullable Integer suggestedThreshold,
            List<BandView> calibration,
            List<LoadView> load,
            long unroutable) {

        static ReportView of(SimulationReport report) {
            return new ReportView(
                    report.summary(),
                    report.zone(),
                    report.leads(),
                    report.draftMqls(),
                    report.activeMqls(),
                    report.recordedMqls(),
                    report.weeklyTarget().orElse(null),
                    report.weeks(),
                    GroupView.of(report.newlyQualified()),
                    GroupView.of(report.noLongerQualified()),
                    GroupView.of(report.bothQualified()),
                    report.draftThreshold(),
                    report.sqlTarget().orElse(null),
                    report.suggestedThreshold().orElse(null),
                    report.calibration().stream().map(BandView::of).toList(),
                    report.load().stream().map(LoadView::of).toList(),
                    report.unroutable());
        }
    }

    /** Leads of one kind and how they really went on; won amounts by currency. */
    record GroupView(
            long leads,
            long sql,
            double sqlShare,
            long opportunities,
            long won,
            Map<String, BigDecimal> revenue,
            List<Long> examples) {
        static GroupView of(SimulationReport.Group group) {
            return new GroupView(
                    group.leads(),
                    group.sql(),
                    group.sqlShare(),
                    group.opportunities(),
                    group.won(),
                    group.revenue(),
                    group.examples());
        }
    }

    /** A band of the draft's score, from included to excluded. */
    record BandView(int from, int to, long leads, long sql, double sqlShare, long won, double wonShare) {
        static BandView of(SimulationReport.Band band) {
            return new BandView(
                    band.from(), band.to(), band.leads(), band.sql(), band.sqlShare(), band.won(), band.wonShare());
        }
    }

    /** A rep's MQLs under the draft's routing; {@code perWeek} follows the weeks. */
    record LoadView(
            String rep,
            String team,
            @Nullable Integer capacity,
            long mqls,
            long busiestWeek,
            List<Long> perWeek,
            List<LocalDate> weeksOverCapacity) {
        static LoadView of(SimulationReport.RepLoad load) {
            return new LoadView(
                    load.rep(),
                    load.team(),
                    load.capacity().orElse(null),
                    load.mqls(),
                    load.busiestWeek(),
                    load.perWeek(),
                    load.weeksOverCapacity());
        }
    }
}
