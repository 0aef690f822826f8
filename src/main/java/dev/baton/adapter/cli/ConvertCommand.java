package dev.baton.adapter.cli;

import de.siegmar.fastcsv.reader.CsvParseException;
import dev.baton.adapter.csv.OlistFunnel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baton convert SOURCE …}: turns another system's export into Baton's CSV import formats. */
@Command(
        name = "convert",
        description = "Convert another system's export into Baton's CSV import formats.",
        subcommands = ConvertCommand.Olist.class)
public final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code baton convert olist DIR OUTDIR}. */
    @Command(
            name = "olist",
            description = "Map Olist's marketing funnel (the folder holding olist_marketing_qualified_leads_dataset.csv"
                    + " and olist_closed_deals_dataset.csv) onto leads.csv and stage-changes.csv. Exit 0 when written,"
                    + " 1 when a file is malformed, 2 when a file cannot be read or written.")
    static final class Olist implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "DIR", description = "the folder of the Olist files")
        Path dir = Path.of("");

        @Parameters(index = "1", paramLabel = "OUTDIR", description = "where to write leads.csv and stage-changes.csv")
        Path outDir = Path.of("");

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                Files.createDirectories(outDir);
                OlistFunnel.Summary summary = OlistFunnel.convert(dir, outDir);
                out.println("wrote " + outDir.resolve(OlistFunnel.LEADS_OUT) + ": " + summary.leads() + " leads");
                out.println("wrote " + outDir.resolve(OlistFunnel.STAGES_OUT) + ": " + changes(summary.stageChanges())
                        + " (" + summary.deals() + " won deals)");
                summary.notes().forEach(note -> out.println("note: " + note));
                return 0;
            } catch (OlistFunnel.InvalidInput e) {
                err.println(e.getMessage());
                return 1;
            } catch (CsvParseException e) {
                err.println("the Olist files are not valid CSV: " + e.getMessage());
                return 1;
            } catch (NoSuchFileException e) {
                err.println(e.getFile() + ": cannot read: no such file");
                return 2;
            } catch (IOException e) {
                err.println("cannot convert: " + e.getMessage());
                return 2;
            } finally {
                out.flush();
                err.flush();
            }
        }

        private static String changes(Map<String, Integer> byStage) {
            int total = byStage.values().stream().mapToInt(Integer::intValue).sum();
            var parts = new ArrayList<String>();
            for (String stage : new String[] {"mql", "accepted", "sql", "opportunity", "won"}) {
                parts.add(byStage.getOrDefault(stage, 0) + " " + stage);
            }
            return total + " stage changes: " + String.join(", ", parts);
        }
    }
}
