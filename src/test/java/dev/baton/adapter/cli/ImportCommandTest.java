package dev.baton.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.IntegrationTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code baton import} and {@code baton export} against a running Baton. */
class ImportCommandTest extends IntegrationTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        return new CommandLine(command)
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    private String url() {
        return "http://localhost:" + port;
    }

    private Path file(String name, String csv) throws IOException {
        return Files.writeString(dir.resolve(name), csv);
    }

    private static String domain() {
        return "cli-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    @Test
    void importStreamsTheFileAndPrintsTheReport() throws IOException {
        Path leads = file("leads.csv", "Work Email,title\na@%1$s,CEO\nb@%1$s,CFO\n".formatted(domain()));

        int exit = run(
                new ImportCommand(),
                "leads",
                leads.toString(),
                "--map",
                "Work Email=email",
                "--url",
                url(),
                "--token",
                TOKEN);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains(leads + ": 2 rows, 2 applied, 0 rejected (all-or-nothing)")
                .contains("created 2, updated 0");
    }

    @Test
    void rejectedRowsArePrintedWithLineAndColumnAndExitOne() throws IOException {
        Path leads = file("bad.csv", "title,email\nCEO,a@%s\nCFO,nope\n".formatted(domain()));

        int refused = run(new ImportCommand(), "leads", leads.toString(), "--url", url(), "--token", TOKEN);
        String refusal = out.toString();
        int partial = run(
                new ImportCommand(),
                "leads",
                leads.toString(),
                "--mode",
                "valid-rows",
                "--dry-run",
                "--url",
                url(),
                "--token",
                TOKEN);

        assertThat(refused).isEqualTo(1);
        assertThat(refusal)
                .contains("nothing was imported: 1 of 2 rows have errors")
                .contains(leads + ":3:2: email: 'nope' is not an email");
        assertThat(partial).isEqualTo(1);
        assertThat(out.toString()).contains("dry run, nothing written — 2 rows, 1 would be applied, 1 rejected");
    }

    @Test
    void unreadableFileWrongTokenAndNoServerExitTwo() throws IOException {
        Path leads = file("ok.csv", "email\na@%s\n".formatted(domain()));

        assertThat(run(new ImportCommand(), "leads", dir.resolve("missing.csv").toString(), "--url", url()))
                .isEqualTo(2);
        assertThat(run(new ImportCommand(), "leads", leads.toString(), "--url", url(), "--token", "wrong"))
                .isEqualTo(2);
        assertThat(run(new ImportCommand(), "leads", leads.toString(), "--url", "http://localhost:1", "--token", "t"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("missing.csv: cannot read: no such file")
                .contains("Baton refused the token")
                .contains("cannot reach Baton at http://localhost:1");
    }

    @Test
    void exportWritesEveryLeadToTheFile() throws IOException {
        String domain = domain();
        run(
                new ImportCommand(),
                "leads",
                file("one.csv", "email\nx@" + domain + "\n").toString(),
                "--url",
                url(),
                "--token",
                TOKEN);
        Path target = dir.resolve("leads-out.csv");

        int exit = run(new ExportCommand(), "leads", target.toString(), "--url", url(), "--token", TOKEN);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readAllLines(target).get(0))
                .isEqualTo(String.join(",", dev.baton.adapter.csv.LeadCsvExport.COLUMNS))
                .startsWith("id,email,stage,score,priority,owner,team,queue,");
        assertThat(Files.readString(target)).contains(",x@" + domain + ",lead,");
    }
}
