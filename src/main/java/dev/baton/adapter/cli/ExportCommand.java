package dev.baton.adapter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baton export leads [FILE]}: every lead of a running Baton as CSV, to a file or the standard output. */
@Command(
        name = "export",
        description = "Export every lead of a running Baton as CSV (id, email, stage, score, owner, …). Exit 0 when"
                + " written, 2 when Baton cannot be reached or the file cannot be written.")
public final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WHAT", description = "leads")
    String what = "";

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "where to write (default: the output)")
    @Nullable
    Path file;

    @Mixin
    Remote remote = new Remote();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!what.equals("leads")) {
                err.println("'" + what + "' cannot be exported; only leads can");
                return Remote.UNREACHABLE;
            }
            return export(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int export(PrintWriter out, PrintWriter err) {
        HttpResponse<InputStream> response;
        try {
            response = remote.send(
                    remote.request("/api/v1/exports/leads").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return remote.unreachable(e, err);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return Remote.refused(
                        response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8), err);
            }
            if (file == null) {
                try (Reader csv = new InputStreamReader(body, StandardCharsets.UTF_8)) {
                    csv.transferTo(out);
                }
            } else {
                write(body, file);
                err.println("wrote the leads to " + file);
            }
            return 0;
        } catch (IOException e) {
            err.println("export failed: " + e.getMessage());
            return Remote.UNREACHABLE;
        }
    }

    /** Writes beside the file first, so that a broken export never leaves half a file in its place. */
    private static void write(InputStream body, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(folder, ".leads-", ".csv.part");
        try {
            Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
