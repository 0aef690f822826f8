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
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code baton plan --won 10 --per month}: the reverse funnel of a running Baton, from a goal back to the
 * opportunities, SQLs, MQLs and pipeline needed per month, source by source (the same as {@code GET /api/v1/plan}).
 */
@Command(
        name = "plan",
        description = "Work back from a goal of won deals (--won) or revenue (--revenue) per month or week to the"
                + " MQLs, SQLs, opportunities and pipeline needed, by source, at the rates of the last months."
                + " Exit 0 with the plan, 1 when Baton refused the request, 2 when it cannot be reached.")
public final class PlanCommand implements Callable<Integer> {

    @Option(names = "--won", paramLabel = "DEALS", description = "won deals wanted")
    @Nullable
    String won;

    @Option(names = "--revenue", paramLabel = "AMOUNT", description = "revenue wanted")
    @Nullable
    String revenue;

    @Option(names = "--per", defaultValue = "month", description = "month (default) or week")
    String per = "month";

    @Option(names = "--months", defaultValue = "6", description = "the whole months to measure rates over (6)")
    int months = 6;

    @Option(names = "--source", description = "plan for one source only")
    @Nullable
    String source;

    @Option(names = "--team", description = "plan for one team only")
    @Nullable
    String team;

    @Mixin
    Remote remote = new Remote();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            var query = new ArrayList<String>();
            param(query, "won", won);
            param(query, "revenue", revenue);
            param(query, "per", per);
            param(query, "months", String.valueOf(months));
            param(query, "source", source);
            param(query, "team", team);
            return remote.get(
                    "/api/v1/plan?" + String.join("&", query),
                    "application/json",
                    err,
                    body -> print(Remote.json(body), out));
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static void param(List<String> query, String name, @Nullable String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static void print(JsonNode plan, PrintWriter out) {
        out.println(String.format(
                Locale.ROOT,
                "To win %.1f deals a month, at the rates of %s – %s:",
                plan.path("wonPerMonth").asDouble(),
                plan.path("measuredFrom").asString(),
                plan.path("measuredTo").asString()));
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("source", "share", "won", "opportunities", "SQLs", "MQLs", "pipeline"));
        plan.path("sources").forEach(need -> rows.add(row(need)));
        rows.add(row(plan.path("total")));
        ReportCommand.table(rows, out);
        plan.path("notes").forEach(note -> out.println("note: " + note.asString()));
    }

    private static List<String> row(JsonNode need) {
        return List.of(
                need.path("source").asString(),
                String.format(Locale.ROOT, "%.0f%%", need.path("shareOfWon").asDouble() * 100),
                number(need.path("won")),
                number(need.path("opportunities")),
                number(need.path("sqls")),
                number(need.path("mqls")),
                number(need.path("pipeline")));
    }

    private static String number(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%,.1f", value.asDouble()) : "—";
    }
}
