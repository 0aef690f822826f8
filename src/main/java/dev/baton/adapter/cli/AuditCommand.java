package dev.baton.adapter.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code baton audit}: the funnel audit of a running Baton ({@code GET /api/v1/funnel-audit}) as a readable table of
 * findings, most pipeline at risk first, each with its fix; or the API's CSV.
 */
@Command(
        name = "audit",
        description = "Audit the funnel's data of a running Baton: missing fields, duplicates, untouched and late MQLs,"
                + " stage skips, unattributed wins, catch-all reasons. Exit 0 with the audit, 1 when Baton refused the"
                + " request, 2 when it cannot be reached.")
public final class AuditCommand implements Callable<Integer> {

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
            return remote.get("/api/v1/funnel-audit", csv ? "text/csv" : "application/json", err, body -> {
                if (csv) {
                    out.print(body);
                } else {
                    print(Remote.json(body), out);
                }
            });
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static void print(JsonNode audit, PrintWriter out) {
        out.println("Funnel audit as of " + audit.path("asOf").asString());
        out.println(audit.path("summary").asString());
        out.println();
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("finding", "found", "of", "share", "pipeline at risk", "example leads"));
        for (JsonNode finding : audit.path("findings")) {
            rows.add(List.of(
                    finding.path("title").asString(),
                    String.format(Locale.ROOT, "%,d", finding.path("count").asLong()),
                    String.format(Locale.ROOT, "%,d", finding.path("of").asLong()),
                    String.format(Locale.ROOT, "%.1f%%", finding.path("share").asDouble() * 100),
                    String.format(
                            Locale.ROOT, "%,.0f", finding.path("pipelineAtRisk").asDouble()),
                    finding.path("examples")
                            .valueStream()
                            .map(e -> e.path("id").asString())
                            .collect(Collectors.joining(" "))));
        }
        if (rows.size() > 1) {
            ReportCommand.table(rows, out);
            out.println();
            for (JsonNode finding : audit.path("findings")) {
                out.println("- " + finding.path("title").asString() + ": "
                        + finding.path("fix").asString());
            }
            out.println();
        }
        var reasons = audit.path("reasons")
                .valueStream()
                .map(r -> r.path("code").asString() + " " + r.path("count").asLong()
                        + (r.path("catchAll").asBoolean() ? " (catch-all)" : ""))
                .collect(Collectors.joining(", "));
        out.println("Reason codes given: " + (reasons.isEmpty() ? "none" : reasons));
        out.println("Clean: "
                + audit.path("clean").valueStream().map(JsonNode::asString).collect(Collectors.joining(", ")));
    }
}
