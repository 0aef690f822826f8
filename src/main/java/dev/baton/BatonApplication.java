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
        CommandLine cli = new CommandLine(new ServerCommands.Baton())
                .addSubcommand(new ServerCommands.Serve())
                .addSubcommand(new ServerCommands.Demo())
                .addSubcommand(new CheckCommand())
                .addSubcommand(new DiffCommand())
                .addSubcommand(new ImportCommand())
                .addSubcommand(new ExportCommand())
                .addSubcommand(new ReportCommand())
                .addSubcommand(new PlanCommand())
                .addSubcommand(new ConvertCommand());
        int exit = cli.execute(arguments);
        if (exit != 0 || !ServerCommands.isServing()) {
            System.exit(exit);
        }
    }
}
