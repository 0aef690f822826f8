package dev.baton.adapter.web;

import dev.baton.adapter.security.CurrentActor;
import dev.baton.core.access.Actor;
import dev.baton.core.access.Role;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.FunnelMetrics;
import dev.baton.core.engine.Scorecards;
import dev.baton.core.metrics.ReviewItem;
import dev.baton.core.metrics.ReviewStore;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared dashboard, for everyone signed in: the scorecard against the agreement's targets, the charts with their
 * figures, and the open review items, under filters the URL keeps.
 *
 * <p>A view's figures (a dozen metric questions over the whole funnel) are kept for its filters while the funnel does
 * not change ({@link FunnelViews}) and within the clock's minute, since some figures move with time alone (a clock
 * due now counts as breached). After a change the view is computed again while the asker waits up to
 * {@code baton.dashboard.wait}; a computation that takes longer (a large funnel) goes on in the background and the
 * page shows the figures it has, saying when they were computed, so that nobody waits on the whole funnel twice.
 * Figures older than {@code baton.dashboard.max-age} are never shown. The open review items are read each time.
 */
@Controller
class DashboardController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter FIGURES_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ReviewStore reviews;
    private final KeptViews<DashboardFilters, View> views;

    DashboardController(FunnelMetrics metrics, Scorecards scorecards, ReviewStore reviews, FunnelViews funnelViews) {
        var dashboard = new Dashboard(metrics, scorecards);
        this.reviews = reviews;
        this.views =
                funnelViews.kept(filters -> new View(dashboard.scorecard(filters), dashboard.charts(filters)), 256);
    }

    /** The figures of a view. */
    private record View(List<Dashboard.Side> scorecard, List<Dashboard.Chart> charts) {}

    /** A chart as the page hands it to the chart script: its figures as one JSON attribute. */
    record ChartView(Dashboard.Chart chart, String json, String csv) {}

    @GetMapping("/")
    String dashboard(
            @ModelAttribute DashboardFilters filters,
            @org.springframework.security.core.annotation.AuthenticationPrincipal @org.jspecify.annotations.Nullable
                    Object principal,
            Model model) {
        Actor actor = CurrentActor.current();
        model.addAttribute("email", actor.name());
        model.addAttribute(
                "name",
                principal instanceof dev.baton.adapter.security.SignedInUser user ? user.displayName() : actor.name());
        model.addAttribute(
                "roles", actor.roles().stream().sorted().map(Role::word).toList());
        model.addAttribute("filters", filters);
        String query = filters.query();
        try {
            KeptViews.Shown<View> shown = views.get(filters);
            View view = shown.view();
            model.addAttribute("computedAt", FIGURES_TIME.format(shown.computedAt()));
            model.addAttribute("stale", shown.stale());
            model.addAttribute("scorecard", view.scorecard());
            var charts = new ArrayList<ChartView>();
            for (Dashboard.Chart chart : view.charts()) {
                charts.add(new ChartView(
                        chart,
                        JSON.writeValueAsString(chart),
                        "/dashboard/" + chart.id() + ".csv" + (query.isEmpty() ? "" : "?" + query)));
            }
            model.addAttribute("charts", charts);
        } catch (BatonException.Invalid e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("scorecard", List.of());
            model.addAttribute("charts", List.of());
        }
        model.addAttribute("reviews", reviews.list(Optional.of(ReviewItem.State.OPEN), 20));
        return "dashboard";
    }

    @GetMapping("/dashboard/{chart}.csv")
    ResponseEntity<String> csv(@PathVariable String chart, @ModelAttribute DashboardFilters filters) {
        Dashboard.Chart found = views.get(filters).view().charts().stream()
                .filter(c -> c.id().equals(chart))
                .findFirst()
                .orElseThrow(() -> new BatonException.NotFound("there is no chart '" + chart + "'"));
        var csv = new StringBuilder("label");
        for (Dashboard.Series series : found.series()) {
            csv.append(',').append(cell(series.name()));
        }
        csv.append('\n');
        for (int i = 0; i < found.labels().size(); i++) {
            csv.append(cell(found.labels().get(i)));
            for (Dashboard.Series series : found.series()) {
                Double value = series.values().get(i);
                csv.append(',').append(value == null ? "" : value.toString());
            }
            csv.append('\n');
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + found.id() + ".csv\"")
                .body(csv.toString());
    }

    /** A CSV cell, quoted when it must be, and never read as a formula by a spreadsheet. */
    private static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }
}
