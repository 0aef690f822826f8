package dev.baton.adapter.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code baton import KIND FILE}: streams a CSV file to a running Baton and prints what it did with each row. */
@Command(
        name = "import",
        description = "Import a CSV file into a running Baton, streamed row by row. Exit 0 when every row was applied,"
                + " 1 when rows were rejected or the import was refused, 2 when the file cannot be read or Baton"
                + " cannot be reached.")
public final class ImportCommand implements Callable<Integer> {

    static final List<String> KINDS =
            List.of("leads", "events", "activities", "opportunities", "stage-changes", "spend", "funnel");
    static final int APPLIED = 0;
    static final int REJECTED = 1;

    @Parameters(
            index = "0",
            paramLabel = "KIND",
            description =
                    "leads, events, activities, opportunities, stage-changes, spend or funnel (a row per deal, with --mapping)")
    String kind = "";

    @Parameters(index = "1", paramLabel = "FILE", description = "the CSV file; its first line names the columns")
    Path file = Path.of("");

    @Option(
            names = "--mode",
            defaultValue = "all-or-nothing",
            description = "all-or-nothing (default: any error and nothing is applied) or valid-rows")
    String mode = "all-or-nothing";

    @Option(names = "--dry-run", description = "report what would happen and apply nothing")
    boolean dryRun;

    @Option(
            names = "--map",
            paramLabel = "HEADER=COLUMN",
            description = "read the file's column HEADER as Baton's COLUMN, e.g. --map 'Email Address=email'")
    List<String> map = new ArrayList<>();

    @Option(
            names = "--unknown-columns",
            defaultValue = "attributes",
            description = "columns Baton does not know: attributes (default: kept as the lead's attributes), ignore,"
                    + " or error (refuse the file)")
    String unknownColumns = "attributes";

    @Option(
            names = "--zone",
            description = "the timezone of times without an offset and of bare dates (default: the active agreement's)")
    @org.jspecify.annotations.Nullable
    String zone;

    @Option(
            names = "--mapping",
            paramLabel = "FILE",
            description = "for kind funnel: the YAML file that maps the file's columns onto the funnel, like"
                    + " examples/imports/maven-sales-pipeline.yaml")
    @org.jspecify.annotations.Nullable
    Path mapping;

    @Option(
            names = "--history-only",
            description = "stage changes only record history: a lead they leave an open MQL is not routed")
    boolean historyOnly;

    @Mixin
    Remote remote = new Remote();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return send(query(), out, err);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Remote.UNREACHABLE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private String query() {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("'" + kind + "' is not a kind of import: " + String.join(", ", KINDS));
        }
        if (!mode.equals("all-or-nothing") && !mode.equals("valid-rows")) {
            throw new IllegalArgumentException("--mode is all-or-nothing or valid-rows, not '" + mode + "'");
        }
        if (!List.of("attributes", "ignore", "error").contains(unknownColumns)) {
            throw new IllegalArgumentException(
                    "--unknown-columns is attributes, ignore or error, not '" + unknownColumns + "'");
        }
        var query = new StringBuilder("/api/v1/imports/" + kind + "?mode=" + mode + "&dryRun=" + dryRun
                + "&unknownColumns=" + unknownColumns + "&historyOnly=" + historyOnly);
        if (zone != null) {
            query.append("&zone=").append(URLEncoder.encode(zone, StandardCharsets.UTF_8));
        }
        if (kind.equals("funnel") != (mapping != null)) {
            throw new IllegalArgumentException(
                    mapping == null
                            ? "a funnel import needs --mapping FILE, like examples/imports/maven-sales-pipeline.yaml"
                            : "--mapping is for imports of kind funnel");
        }
        if (mapping != null) {
            for (String entry : MappingFile.entries(mapping)) {
                query.append("&mapping=").append(URLEncoder.encode(entry, StandardCharsets.UTF_8));
            }
        }
        for (String rename : map) {
            int equals = rename.lastIndexOf('=');
            if (equals <= 0 || equals == rename.length() - 1) {
                throw new IllegalArgumentException(
                        "--map takes HEADER=COLUMN, like 'Email Address=email', not '" + rename + "'");
            }
            String pair = rename.substring(0, equals) + ":" + rename.substring(equals + 1);
            query.append("&map=").append(URLEncoder.encode(pair, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private int send(String query, PrintWriter out, PrintWriter err) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println(file + ": cannot read: " + (Files.exists(file) ? "not a readable file" : "no such file"));
            return Remote.UNREACHABLE;
        }
        HttpResponse<String> response;
        try {
            HttpRequest request = remote.request(query)
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
            response = remote.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (FileNotFoundException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return Remote.UNREACHABLE;
        } catch (IOException e) {
            return remote.unreachable(e, err);
        }
        JsonNode body = Remote.json(response.body());
        if (response.statusCode() == 200) {
            return report(body, out);
        }
        if (response.statusCode() == 400 && body.has("rows")) {
            out.println(file + ": " + body.path("detail").asString());
            body.path("notes").forEach(note -> out.println("  note: " + note.asString()));
            errors(body, out);
            return REJECTED;
        }
        return Remote.refused(response.statusCode(), response.body(), err);
    }

    private int report(JsonNode report, PrintWriter out) {
        boolean rehearsal = report.path("dryRun").asBoolean();
        out.println(file + ": " + (rehearsal ? "dry run, nothing written — " : "")
                + report.path("rows").asLong()
                + " rows, " + report.path("applied").asLong() + (rehearsal ? " would be applied, " : " applied, ")
                + report.path("rejected").asLong() + " rejected ("
                + report.path("mode").asString() + ")");
        var counts = new ArrayList<String>();
        report.path("counts")
                .properties()
                .forEach(e -> counts.add(
                        e.getKey().replace('_', ' ') + " " + e.getValue().asLong()));
        if (!counts.isEmpty()) {
            out.println("  " + String.join(", ", counts));
        }
        report.path("notes").forEach(note -> out.println("  note: " + note.asString()));
        errors(report, out);
        return report.path("rejected").asLong() > 0 || report.path("refused").asBoolean() ? REJECTED : APPLIED;
    }

    private void errors(JsonNode report, PrintWriter out) {
        for (JsonNode error : report.path("errors")) {
            String column =
                    error.path("column").isNumber() ? ":" + error.path("column").asInt() : "";
            String field = error.path("field").asString("");
            out.println(file + ":" + error.path("line").asLong() + column + ": " + (field.isEmpty() ? "" : field + ": ")
                    + error.path("message").asString());
        }
        long more = report.path("errorCount").asLong() - report.path("errors").size();
        if (more > 0) {
            out.println("… and " + more + " more errors");
        }
    }
}
