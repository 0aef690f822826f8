package dev.baton.adapter.cli;

import dev.baton.adapter.yaml.ReadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code baton simulate}: an agreement file backtested on a running Baton's history against its active version
 * ({@code POST /api/v1/simulations}), its progress followed until the report is ready, and the report printed as the
 * agreement page shows it.
 */
@Command(
        name = "simulate",
        description = "Backtest an agreement file on a running Baton's history against its active version: MQLs per"
                + " week, the leads that would newly or no longer qualify and how they really went on, conversion by"
                + " score band, the lowest threshold that keeps MQL->SQL on target, each rep's load. Exit 0 with the"
                + " report, 1 when the file has problems or Baton refused or failed the simulation, 2 when the file"
                + " cannot be read or Baton cannot be reached.")
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--draft", required = true, description = "the agreement file to simulate")
    Path draft;

    @Option(names = "--from", description = "first day of the period, like 2026-01-01 (default: 90 days before --to)")
    @Nullable
    String from;

    @Option(names = "--to", description = "last day of the period, included (default: today)")
    @Nullable
    String to;

    @Option(
            names = "--poll-ms",
            defaultValue = "1000",
            description = "milliseconds between two questions for the progress (default ${DEFAULT-VALUE})")
    long pollMillis = 1000;

    @Mixin
    Remote remote = new Remote();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) {
        Optional<ReadResult> read = AgreementFiles.read(draft, err);
        if (read.isEmpty()) {
            return AgreementFiles.UNREADABLE;
        }
        if (!read.get().isValid()) {
            read.get().problems().forEach(p -> err.println(p.format(draft.toString())));
            return AgreementFiles.INVALID;
        }
        String source;
        try {
            source = Files.readString(draft);
        } catch (IOException e) {
            err.println(draft + ": cannot read: " + e.getMessage());
            return AgreementFiles.UNREADABLE;
        }
        var query = new ArrayList<String>();
        if (from != null) {
            query.add("from=" + URLEncoder.encode(from, StandardCharsets.UTF_8));
        }
        if (to != null) {
            query.add("to=" + URLEncoder.encode(to, StandardCharsets.UTF_8));
        }
        String path = "/api/v1/simulations" + (query.isEmpty() ? "" : "?" + String.join("&", query));
        var job = new AtomicReference<JsonNode>();
        int sent = remote.send("POST", path, "application/yaml", source, err, body -> job.set(Remote.json(body)));
        if (sent != 0) {
            return sent;
        }
        long id = job.get().path("id").asLong();
        String shown = "";
        while (true) {
            int got = remote.get(
                    "/api/v1/simulations/" + id, "application/json", err, body -> job.set(Remote.json(body)));
            if (got != 0) {
                return got;
            }
            JsonNode now = job.get();
            String status = now.path("status").asString();
            if (status.equals("done")) {
                print(now, out);
                return 0;
            }
            if (status.equals("failed")) {
                err.println("the simulation failed: " + now.path("error").asString(""));
                return Remote.REFUSED;
            }
            String progress = String.format(
                    Locale.ROOT,
                    "simulation %d %s: %.1f%% of %,d leads",
                    id,
                    status,
                    now.path("percent").asDouble(),
                    now.path("total").asLong());
            if (!progress.equals(shown)) {
                err.println(progress);
                err.flush();
                shown = progress;
            }
            try {
                Thread.sleep(Math.max(10, pollMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Remote.REFUSED;
            }
        }
    }

    static void print(JsonNode simulation, PrintWriter out) {
        JsonNode report = simulation.path("report");
        out.println("Simulation " + simulation.path("id").asLong() + ": "
                + simulation.path("from").asString() + " to "
                + simulation.path("to").asString() + " ("
                + report.path("timezone").asString()
                + "), against version " + simulation.path("against").asInt());
        out.println(report.path("summary").asString());
        out.println();
        var weeks = new ArrayList<List<String>>();
        boolean target = !report.path("weeklyTarget").isNull() && report.has("weeklyTarget");
        weeks.add(List.of("week", "draft", "active", "recorded", "target"));
        for (JsonNode week : report.path("weeks")) {
            weeks.add(List.of(
                    week.path("start").asString(),
                    count(week.path("draft")),
                    count(week.path("active")),
                    count(week.path("recorded")),
                    target
                            ? String.format(
                                    Locale.ROOT,
                                    "%.1f",
                                    report.path("weeklyTarget").asDouble())
                            : ""));
        }
        ReportCommand.table(weeks, out);
        out.println();
        var groups = new ArrayList<List<String>>();
        groups.add(List.of("leads", "count", "reached SQL", "opportunity", "won", "won revenue", "examples"));
        group("newly qualify", report.path("newlyQualified"), groups);
        group("no longer qualify", report.path("noLongerQualified"), groups);
        group("both qualify", report.path("bothQualified"), groups);
        ReportCommand.table(groups, out);
        out.println();
        var bands = new ArrayList<List<String>>();
        bands.add(List.of("draft score", "leads", "reached SQL", "won"));
        for (JsonNode band : report.path("calibration")) {
            bands.add(List.of(
                    band.path("from").asInt() + " to " + (band.path("to").asInt() - 1),
                    count(band.path("leads")),
                    count(band.path("sql")) + " (" + percent(band.path("sqlShare")) + ")",
                    count(band.path("won")) + " (" + percent(band.path("wonShare")) + ")"));
        }
        ReportCommand.table(bands, out);
        out.println("Threshold: the draft's " + report.path("draftThreshold").asInt() + "; lowest meeting the MQL->SQL"
                + " target: "
                + (report.path("suggestedThreshold").isNull() || !report.has("suggestedThreshold")
                        ? "none"
                        : report.path("suggestedThreshold").asString()));
        out.println();
        var load = new ArrayList<List<String>>();
        load.add(List.of("rep", "team", "capacity", "MQLs", "busiest week", "weeks over capacity"));
        for (JsonNode rep : report.path("load")) {
            load.add(List.of(
                    rep.path("rep").asString(),
                    rep.path("team").asString(),
                    rep.path("capacity").isNull() ? "" : rep.path("capacity").asString(),
                    count(rep.path("mqls")),
                    count(rep.path("busiestWeek")),
                    rep.path("weeksOverCapacity")
                            .valueStream()
                            .map(JsonNode::asString)
                            .collect(Collectors.joining(" "))));
        }
        ReportCommand.table(load, out);
        out.println("Unroutable under the draft: " + count(report.path("unroutable")));
    }

    private static void group(String name, JsonNode group, List<List<String>> rows) {
        rows.add(List.of(
                name,
                count(group.path("leads")),
                count(group.path("sql")) + " (" + percent(group.path("sqlShare")) + ")",
                count(group.path("opportunities")),
                count(group.path("won")),
                group.path("revenue")
                        .propertyStream()
                        .map(e -> (e.getKey().isEmpty() ? "" : e.getKey() + " ")
                                + String.format(
                                        Locale.ROOT, "%,.0f", e.getValue().asDouble()))
                        .collect(Collectors.joining(" + ")),
                group.path("examples").valueStream().map(JsonNode::asString).collect(Collectors.joining(" "))));
    }

    private static String count(JsonNode node) {
        return String.format(Locale.ROOT, "%,d", node.asLong());
    }

    private static String percent(JsonNode share) {
        return String.format(Locale.ROOT, "%.0f%%", share.asDouble() * 100);
    }
}
