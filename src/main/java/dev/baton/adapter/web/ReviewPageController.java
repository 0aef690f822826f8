package dev.baton.adapter.web;

import dev.baton.adapter.security.CurrentActor;
import dev.baton.core.access.Actor;
import dev.baton.core.access.LeadWork;
import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.ReasonCode;
import dev.baton.core.engine.ActiveAgreement;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.FunnelMetrics;
import dev.baton.core.engine.LeadListing;
import dev.baton.core.engine.RosterStore;
import dev.baton.core.metrics.Dimension;
import dev.baton.core.metrics.Metric;
import dev.baton.core.metrics.MetricResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The weekly review: the open leads past a deadline or idle for some days, by rep, each with advance, recycle and
 * disqualify; and the week in figures, ready to paste into the meeting's notes as Markdown.
 */
@Controller
class ReviewPageController {

    private final Queue queue;
    private final LeadWork work;
    private final FunnelMetrics metrics;
    private final ActiveAgreement active;
    private final Clock clock;
    private final KeptViews<LocalDate, Summary> weeks;

    ReviewPageController(
            LeadListing listing,
            LeadWork work,
            RosterStore roster,
            FunnelMetrics metrics,
            ActiveAgreement active,
            Clock clock,
            FunnelViews views) {
        this.queue = new Queue(listing, work, roster, clock);
        this.work = work;
        this.metrics = metrics;
        this.active = active;
        this.clock = clock;
        // the week's figures are a dozen questions over the funnel: kept as the dashboard's are
        this.weeks = views.kept(this::summary, 16);
    }

    @GetMapping("/review")
    String review(@RequestParam(defaultValue = "7") int idle, Model model) {
        Actor actor = CurrentActor.current();
        int days = Math.max(1, Math.min(idle, 365));
        Instant now = clock.instant();
        Instant idleSince = now.minus(Duration.ofDays(days));
        Map<String, List<Queue.Row>> stuck = queue.rows(actor).stream()
                .filter(row -> row.late() || row.lead().updatedAt().isBefore(idleSince))
                .collect(Collectors.groupingBy(
                        row -> row.lead().owner().orElse("(no owner)"), TreeMap::new, Collectors.toList()));
        model.addAttribute("email", actor.name());
        model.addAttribute("idle", days);
        model.addAttribute("stuck", stuck);
        Optional<Agreement> agreement = active.current().map(ActiveAgreement.Running::agreement);
        model.addAttribute("recycleCodes", codes(agreement, ReasonCode.Consequence.RECYCLE));
        model.addAttribute("disqualifyCodes", codes(agreement, ReasonCode.Consequence.DISQUALIFY));
        KeptViews.Shown<Summary> week = weeks.get(now.atOffset(ZoneOffset.UTC).toLocalDate());
        model.addAttribute("summary", week.view());
        model.addAttribute("summaryStale", week.stale());
        return "review";
    }

    @PostMapping("/review/{id}/{step}")
    String step(
            @PathVariable long id,
            @PathVariable String step,
            @RequestParam(defaultValue = "") String reasonCode,
            @RequestParam(defaultValue = "7") int idle,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.current();
        Optional<String> code = Optional.of(reasonCode.strip()).filter(c -> !c.isEmpty());
        try {
            switch (step) {
                case "advance" ->
                    work.run(
                            actor,
                            id,
                            "accepted",
                            (lifecycle, status, at) -> lifecycle.accept(status, actor.name(), at));
                // an MQL goes back by a rejection whose reason recycles it; a lead sales took, by recycling
                case "recycle" ->
                    work.run(
                            actor,
                            id,
                            work.details(id).stage().equals("mql") ? "rejected" : "recycled",
                            (lifecycle, status, at) -> status.stage() == dev.baton.core.lifecycle.Stage.MQL
                                    ? lifecycle.reject(
                                            status,
                                            code,
                                            Optional.of("recycled in the weekly review"),
                                            actor.name(),
                                            at)
                                    : lifecycle.recycle(status, code, actor.name(), at));
                case "disqualify" ->
                    work.run(
                            actor,
                            id,
                            "disqualified",
                            (lifecycle, status, at) -> lifecycle.disqualify(status, code, actor.name(), at));
                default -> throw new BatonException.NotFound("there is no step '" + step + "' in the review");
            }
            redirect.addFlashAttribute("message", "lead " + id + ": " + step + " done");
        } catch (BatonException e) {
            redirect.addFlashAttribute("problem", "lead " + id + ": " + e.getMessage());
        }
        return "redirect:/review?idle=" + idle;
    }

    private static List<ReasonCode> codes(Optional<Agreement> agreement, ReasonCode.Consequence consequence) {
        return agreement
                .map(a -> a.reasonCodes().stream()
                        .filter(code -> code.consequence() == consequence)
                        .toList())
                .orElse(List.of());
    }

    /** The last seven days in figures, and the same as Markdown for the meeting's notes. */
    record Summary(
            LocalDate from, LocalDate to, Map<String, String> figures, Map<String, Long> rejections, String markdown) {}

    private Summary summary(LocalDate to) {
        LocalDate from = to.minusDays(6);
        var request = FunnelMetrics.Request.of(Optional.of(from), Optional.of(to));
        var figures = new java.util.LinkedHashMap<String, String>();
        figures.put("MQLs in", count(Metric.MQLS, request));
        figures.put("Accepted", count(Metric.ACCEPTED_MQLS, request));
        figures.put("Rejected", count(Metric.REJECTED_MQLS, request));
        figures.put("SQLs", count(Metric.SQLS, request));
        figures.put("Opportunities", count(Metric.OPPORTUNITIES, request));
        figures.put("Won", count(Metric.WON_DEALS, request));
        figures.put(
                "SLA compliance",
                metrics.compute(Metric.SLA_COMPLIANCE, request)
                        .result()
                        .total()
                        .value()
                        .map(v -> String.format(Locale.ROOT, "%.0f%%", v * 100))
                        .orElse("—"));
        var rejections = new java.util.LinkedHashMap<String, Long>();
        MetricResult byReason = metrics.compute(
                        Metric.REJECTED_MQLS,
                        new FunnelMetrics.Request(
                                request.from(),
                                request.to(),
                                Optional.empty(),
                                Map.of(),
                                Optional.of(Dimension.Fixed.REASON)))
                .result();
        for (MetricResult.Part part : byReason.parts()) {
            if (part.figure().value().orElse(0.0) > 0) {
                rejections.put(part.key(), Math.round(part.figure().value().orElse(0.0)));
            }
        }
        var markdown = new StringBuilder("## Week of " + from + " to " + to + "\n\n");
        figures.forEach((name, value) ->
                markdown.append("- ").append(name).append(": ").append(value).append('\n'));
        if (!rejections.isEmpty()) {
            markdown.append("- Rejected by reason:\n");
            rejections.forEach((reason, n) -> markdown.append("  - ")
                    .append(reason)
                    .append(": ")
                    .append(n)
                    .append('\n'));
        }
        return new Summary(from, to, figures, rejections, markdown.toString());
    }

    private String count(Metric metric, FunnelMetrics.Request request) {
        return metrics.compute(metric, request)
                .result()
                .total()
                .value()
                .map(v -> String.format(Locale.ROOT, "%,.0f", v))
                .orElse("0");
    }
}
