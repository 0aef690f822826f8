package dev.baton.adapter.web;

import dev.baton.adapter.security.CurrentActor;
import dev.baton.core.access.Actor;
import dev.baton.core.access.Role;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.FunnelMetrics;
import dev.baton.core.engine.Scorecards;
import dev.baton.core.metrics.ReviewItem;
import dev.baton.core.metrics.ReviewStore;
import java.util.ArrayList;
import java.util.List;
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
 */
@Controller
class DashboardController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Dashboard dashboard;
    private final ReviewStore reviews;

    DashboardController(FunnelMetrics metrics, Scorecards scorecards, ReviewStore reviews) {
        this.dashboard = new Dashboard(metrics, scorecards);
        this.reviews = reviews;
    }

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
            model.addAttribute("scorecard", dashboard.scorecard(filters));
            var charts = new ArrayList<ChartView>();
            for (Dashboard.Chart chart : dashboard.charts(filters)) {
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
        Dashboard.Chart found = dashboard
                .chart(chart, filters)
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
