package dev.baton.adapter.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code baton report funnel|scorecard|cohorts|metric ID}: the figures of a running Baton as a readable table, or as the API's CSV. The
 * same numbers as {@code GET /api/v1/funnel} and {@code GET /api/v1/metrics/{id}}, from the same definitions.
 */
@Command(
        name = "report",
        description = "Print the funnel, or one metric, of a running Baton as a table (or CSV with --csv). Exit 0 with"
                + " the report, 1 when Baton refused the request, 2 when it cannot be reached.")
public final class ReportCommand implements Callable<Integer> {

    static final int REFUSED = Remote.REFUSED;

    @Parameters(
            index = "0",
            paramLabel = "WHAT",
            description = "funnel, scorecard, cohorts, engagement (pipeline by source and event type), or metric"
                    + " (then the metric's id)")
    String what = "";

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "the metric, for 'metric'")
    @Nullable
    String id;

    @Option(names = "--from", paramLabel = "DAY", description = "the first day, like 2026-03-01")
    @Nullable
    String from;

    @Option(names = "--to", paramLabel = "DAY", description = "the last day (default: today)")
    @Nullable
    String to;

    @Option(
            names = "--by",
            paramLabel = "DIMENSION",
            description = "break down by source, campaign, team, rep,"
                    + " version, month, week, reason, clock, or a field like company.industry")
    @Nullable
    String by;

    @Option(names = "--grain", description = "for cohorts: month (default) or week")
    @Nullable
    String grain;

    @Option(names = "--basis", description = "cohort (default) or period")
    @Nullable
    String basis;

    @Option(names = "--source", description = "only leads of this source")
    @Nullable
    String source;

    @Option(names = "--team", description = "only leads of this team")
    @Nullable
    String team;

    @Option(names = "--rep", description = "only leads of this rep")
    @Nullable
    String rep;

    @Option(names = "--csv", description = "print the API's CSV instead of a table")
    boolean csv;

    @Mixin
    Remote remote = new Remote();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return remote.get(path(), csv ? "text/csv" : "application/json", err, body -> {
                if (csv) {
                    out.print(body);
                } else if (what.equals("funnel")) {
                    funnel(Remote.json(body), out);
                } else if (what.equals("cohorts")) {
                    cohorts(Remote.json(body), out);
                } else if (what.equals("scorecard")) {
                    scorecard(Remote.json(body), out);
                } else if (what.equals("engagement")) {
                    engagement(Remote.json(body), out);
                } else {
                    metric(Remote.json(body), out);
                }
            });
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return REFUSED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private String path() {
        String base;
        if (what.equals("funnel")) {
            base = "/api/v1/funnel";
        } else if (what.equals("scorecard")) {
            if (by != null || basis != null) {
                throw new IllegalArgumentException("the scorecard has its own breakdowns: filter it, do not --by");
            }
            base = "/api/v1/scorecard";
        } else if (what.equals("cohorts")) {
            if (by != null) {
                throw new IllegalArgumentException("cohorts are by month or week: use --grain, not --by");
            }
            base = "/api/v1/cohorts";
        } else if (what.equals("engagement")) {
            base = "/api/v1/engagement";
        } else if (what.equals("metric")) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException(
                        "which metric? baton report metric ID (GET /api/v1/metrics lists" + " them)");
            }
            base = "/api/v1/metrics/" + URLEncoder.encode(id.strip(), StandardCharsets.UTF_8);
        } else {
            throw new IllegalArgumentException(
                    "'" + what + "' is not a report: funnel, scorecard, cohorts, engagement or metric");
        }
        var query = new ArrayList<String>();
        param(query, "from", from);
        param(query, "to", to);
        param(query, "by", by);
        param(query, "grain", grain);
        param(query, "basis", basis);
        param(query, "source", source);
        param(query, "team", team);
        param(query, "rep", rep);
        return query.isEmpty() ? base : base + "?" + String.join("&", query);
    }

    private static void param(List<String> query, String name, @Nullable String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static void funnel(JsonNode funnel, PrintWriter out) {
        out.println("Funnel " + funnel.path("from").asString() + " – "
                + funnel.path("to").asString() + " ("
                + funnel.path("basis").asString()
                + (funnel.path("basis").asString().equals("cohort")
                        ? ": of the MQLs of the period, how many reached each stage since)"
                        : ": each stage's count in the period)"));
        var header = new ArrayList<String>();
        header.add(funnel.path("by").isString() ? funnel.path("by").asString() : "");
        funnel.path("stages").forEach(stage -> header.add(stage.path("stage").asString()));
        header.add("MQL → won");
        var rows = new ArrayList<List<String>>();
        rows.add(header);
        funnel.path("parts").forEach(part -> rows.add(stagesRow(part.path("key").asString(), part.path("stages"))));
        rows.add(stagesRow("total", funnel.path("stages")));
        table(rows, out);
    }

    private static void scorecard(JsonNode card, PrintWriter out) {
        out.println("Scorecard " + card.path("from").asString() + " – "
                + card.path("to").asString());
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("side", "metric", "value", "target", "owner", "status"));
        for (String side : List.of("marketing", "sales", "shared")) {
            card.path(side).forEach(line -> {
                String unit = line.path("unit").asString();
                JsonNode target = line.path("target");
                String goal = !target.isObject()
                        ? "—"
                        : (target.path("atLeast").isString()
                                        ? "≥ " + target.path("atLeast").asString()
                                        : "")
                                + (target.path("atLeast").isString()
                                                && target.path("atMost").isString()
                                        ? ", "
                                        : "")
                                + (target.path("atMost").isString()
                                        ? "≤ " + target.path("atMost").asString()
                                        : "");
                rows.add(List.of(
                        side,
                        line.path("metric").asString(),
                        figures("", line, unit).get(1),
                        goal,
                        target.isObject() ? target.path("owner").asString() : "",
                        line.path("status").asString()));
            });
        }
        table(rows, out);
        out.println("status: " + card.path("statusRule").asString());
    }

    private static void cohorts(JsonNode cohorts, PrintWriter out) {
        out.println("Cohorts by " + cohorts.path("grain").asString() + ", "
                + cohorts.path("from").asString() + " – "
                + cohorts.path("to").asString() + ": of each cohort's MQLs, how many reached each stage by now"
                + " (median days from the MQL)");
        var header = new ArrayList<>(List.of("cohort", "mqls"));
        var rows = new ArrayList<List<String>>();
        JsonNode all = cohorts.path("cohorts");
        if (all.size() > 0) {
            all.get(0)
                    .path("stages")
                    .forEach(stage -> header.add(stage.path("stage").asString()));
        }
        rows.add(header);
        all.forEach(cohort -> {
            var row = new ArrayList<>(List.of(
                    cohort.path("cohort").asString(),
                    String.valueOf(cohort.path("mqls").asLong())));
            cohort.path("stages")
                    .forEach(stage -> row.add(stage.path("count").asLong() + " ("
                            + (stage.path("share").isNumber()
                                    ? percent(stage.path("share").asDouble())
                                    : "—")
                            + (stage.path("medianHours").isNumber()
                                    ? ", "
                                            + String.format(
                                                    Locale.ROOT,
                                                    "%.1f d",
                                                    stage.path("medianHours").asDouble() / 24)
                                    : "")
                            + ")"));
            rows.add(row);
        });
        table(rows, out);
    }

    private static void engagement(JsonNode view, PrintWriter out) {
        out.println("Pipeline by engagement, " + view.path("from").asString() + " – "
                + view.path("to").asString() + ": the opportunities opened, by the event types their leads had before");
        var rows = new ArrayList<List<String>>();
        rows.add(List.of(view.path("by").asString(), "event type", "opportunities", "pipeline", "won", "revenue"));
        view.path("lines")
                .forEach(line -> rows.add(List.of(
                        line.path("key").asString(),
                        line.path("type").asString(),
                        String.valueOf(line.path("opportunities").asLong()),
                        number(line.path("pipeline").asDouble(), ""),
                        String.valueOf(line.path("won").asLong()),
                        number(line.path("revenue").asDouble(), ""))));
        table(rows, out);
    }

    private static List<String> stagesRow(String key, JsonNode stages) {
        var row = new ArrayList<String>();
        row.add(key);
        stages.forEach(stage -> row.add(String.valueOf(stage.path("count").asLong())));
        JsonNode won = stages.get(stages.size() - 1);
        row.add(won.path("ofMqls").isNumber() ? percent(won.path("ofMqls").asDouble()) : "—");
        return row;
    }

    private static void metric(JsonNode report, PrintWriter out) {
        String unit = report.path("unit").asString();
        out.println(report.path("title").asString() + " ("
                + report.path("metric").asString() + "), "
                + report.path("from").asString() + " – " + report.path("to").asString()
                + (report.path("basis").asString().equals("cohort") ? "" : ", period basis"));
        var rows = new ArrayList<List<String>>();
        rows.add(List.of(report.path("by").isString() ? report.path("by").asString() : "", "value", "of", "cycles"));
        report.path("parts").forEach(part -> rows.add(figures(part.path("key").asString(), part, unit)));
        rows.add(figures("total", report, unit));
        table(rows, out);
        JsonNode target = report.path("target");
        if (target.isObject()) {
            out.println("target: "
                    + (target.path("atLeast").isString()
                            ? "at least " + target.path("atLeast").asString()
                            : "")
                    + (target.path("atMost").isString()
                            ? " at most " + target.path("atMost").asString()
                            : "")
                    + " (" + target.path("owner").asString() + ")"
                    + (target.path("met").isBoolean() ? target.path("met").asBoolean() ? ": met" : ": missed" : ""));
        }
    }

    private static List<String> figures(String key, JsonNode figures, String unit) {
        JsonNode value = figures.path("value");
        String shown = !value.isNumber()
                ? "—"
                : unit.startsWith("fraction") ? percent(value.asDouble()) : number(value.asDouble(), unit);
        String of = figures.path("numerator").isNumber()
                        && figures.path("denominator").isNumber()
                ? number(figures.path("numerator").asDouble(), "") + " / "
                        + number(figures.path("denominator").asDouble(), "")
                : "";
        return List.of(key, shown, of, String.valueOf(figures.path("count").asLong()));
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String number(double value, String unit) {
        String text = value == Math.rint(value)
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%,.2f", value);
        return unit.equals("hours") ? text + " h" : text;
    }

    /** Columns padded to their widest cell; the first left-aligned, the figures right-aligned. */
    static void table(List<List<String>> rows, PrintWriter out) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            var line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? cell + pad : pad + cell);
                if (c < row.size() - 1) {
                    line.append("  ");
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
