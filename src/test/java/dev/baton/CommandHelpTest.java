package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command and subcommand answers --help with its usage, and the root's lists every command. */
class CommandHelpTest {

    private static List<List<String>> paths(CommandLine command, List<String> path) {
        var paths = new ArrayList<List<String>>();
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) {
                var longer = new ArrayList<>(path);
                longer.add(name);
                paths.addAll(paths(sub, longer));
            }
        });
        return paths;
    }

    @Test
    void everyCommandAnswersHelpWithItsUsage() {
        List<List<String>> commands = paths(BatonApplication.commandLine(), List.of());
        assertThat(commands)
                .as("the tree of commands")
                .contains(List.of("import"), List.of("convert", "olist"), List.of("report"), List.of("serve"));
        for (List<String> command : commands) {
            for (String flag : List.of("--help", "-h")) {
                var out = new StringWriter();
                var err = new StringWriter();
                CommandLine cli = BatonApplication.commandLine();
                cli.setOut(new PrintWriter(out));
                cli.setErr(new PrintWriter(err));
                var args = new ArrayList<>(command);
                args.add(flag);

                int exit = cli.execute(args.toArray(String[]::new));

                assertThat(exit).as("baton %s: %s", String.join(" ", args), err).isZero();
                assertThat(out.toString())
                        .as("baton %s", String.join(" ", args))
                        .startsWith("Usage: baton" + (command.isEmpty() ? "" : " " + String.join(" ", command)));
            }
        }
    }

    @Test
    void theRootsHelpListsEveryCommand() {
        var out = new StringWriter();
        CommandLine cli = BatonApplication.commandLine();
        cli.setOut(new PrintWriter(out));

        cli.execute("--help");

        for (String name : cli.getSubcommands().keySet()) {
            assertThat(out.toString()).contains("  " + name + " ");
        }
        assertThat(cli.getSubcommands().keySet())
                .contains("serve", "demo", "check", "diff", "import", "export", "report", "plan", "convert");
    }
}
