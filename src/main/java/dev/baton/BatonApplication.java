package dev.baton;

import dev.baton.adapter.cli.CheckCommand;
import dev.baton.adapter.cli.ConvertCommand;
import dev.baton.adapter.cli.DiffCommand;
import dev.baton.adapter.cli.ExportCommand;
import dev.baton.adapter.cli.ImportCommand;
import dev.baton.adapter.cli.PlanCommand;
import dev.baton.adapter.cli.ReportCommand;
import dev.baton.app.ServerCommands;
import picocli.CommandLine;

/** The {@code baton} command: serve (the default), demo, check, diff, import, export, report, plan, convert. */
public final class BatonApplication {

    private BatonApplication() {}

    public static void main(String[] args) {
        String[] arguments = args.length == 0 ? new String[] {"serve"} : args;
        int exit = commandLine().execute(arguments);
        if (exit != 0 || !ServerCommands.isServing()) {
            System.exit(exit);
        }
    }

    /** Every command, each with {@code --help} (and {@code -h}) that prints its usage and exits 0. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ServerCommands.Baton())
                .addSubcommand(new ServerCommands.Serve())
                .addSubcommand(new ServerCommands.Demo())
                .addSubcommand(new CheckCommand())
                .addSubcommand(new DiffCommand())
                .addSubcommand(new ImportCommand())
                .addSubcommand(new ExportCommand())
                .addSubcommand(new ReportCommand())
                .addSubcommand(new PlanCommand())
                .addSubcommand(new dev.baton.adapter.cli.AuditCommand())
                .addSubcommand(new dev.baton.adapter.cli.SimulateCommand())
                .addSubcommand(new ConvertCommand())
                .addSubcommand(new dev.baton.adapter.cli.UsersCommand());
        withHelp(cli);
        return cli;
    }

    private static void withHelp(CommandLine command) {
        if (command.getCommandSpec().optionsMap().get("--help") == null) {
            command.getCommandSpec().mixinStandardHelpOptions(true);
        }
        command.getSubcommands().values().forEach(BatonApplication::withHelp);
    }
}
