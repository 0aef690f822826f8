package dev.baton.adapter.api;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.audit.FunnelAudit;
import dev.baton.core.engine.ActiveAgreement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The funnel audit: what the data behind every figure lacks or gets wrong, as JSON or CSV. */
@RestController
@RequestMapping(path = "/api/v1")
@Tag(name = "Metrics", description = "The funnel and its metrics, as both teams read them")
class FunnelAuditController {

    private final FunnelAudit audit;
    private final ActiveAgreement active;
    private final Clock clock;

    FunnelAuditController(FunnelAudit audit, ActiveAgreement active, Clock clock) {
        this.audit = audit;
        this.active = active;
        this.clock = clock;
    }

    /** A lead a finding names, and where its page is. */
    record Example(long id, String link) {}

    /** A finding as the API shows it. */
    record FindingView(
            String check,
            String title,
            long count,
            long of,
            double share,
            BigDecimal pipelineAtRisk,
            List<Example> examples,
            String fix) {

        static FindingView of(FunnelAudit.Finding finding) {
            return new FindingView(
                    finding.check(),
                    finding.title(),
                    finding.count(),
                    finding.of(),
                    Math.round(finding.share() * 10_000) / 10_000.0,
                    finding.pipelineAtRisk(),
                    finding.examples().stream()
                            .map(id -> new Example(id, "/leads/" + id))
                            .toList(),
                    finding.fix());
        }
    }

    /** The audit as the API shows it. */
    record AuditView(
            Instant asOf,
            String summary,
            long mqls,
            BigDecimal pipelinePerMql,
            List<FindingView> findings,
            List<String> clean,
            List<FunnelAudit.ReasonCount> reasons) {}

    @GetMapping(path = "/funnel-audit", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Audit the funnel's data: completeness of each field the active agreement's rules read (at"
                    + " lead, MQL, SQL and opportunity), duplicate leads and companies, MQLs without a source, MQLs"
                    + " never touched or touched late or without the required attempts, stage skips, won deals"
                    + " without a source, and catch-all reason codes; each finding with counts, example leads and"
                    + " the fix, most pipeline at risk first")
    AuditView audit() {
        FunnelAudit.Report report = report();
        return new AuditView(
                report.asOf(),
                report.summary(),
                report.mqls(),
                report.pipelinePerMql(),
                report.findings().stream().map(FindingView::of).toList(),
                report.clean(),
                report.reasons());
    }

    @GetMapping(path = "/funnel-audit", produces = MetricsController.CSV)
    @Operation(
            summary = "The funnel audit as CSV: a row per finding, with its counts, pipeline at risk, example lead ids"
                    + " and fix",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MetricsController.CSV)))
    String auditCsv() {
        return MetricsController.csv(report().rows());
    }

    private FunnelAudit.Report report() {
        Optional<Agreement> agreement = active.current().map(ActiveAgreement.Running::agreement);
        return audit.run(agreement, clock.instant());
    }
}
