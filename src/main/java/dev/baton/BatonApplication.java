package dev.baton;

import dev.baton.adapter.cli.CheckCommand;
import dev.baton.adapter.cli.DiffCommand;
import dev.baton.app.ServerCommands;
import picocli.CommandLine;

/** The {@code baton} command: serve (the default), demo, check, diff. */
public final class BatonApplication {

    private BatonApplication() {}

    public static void main(String[] args) {
        String[] arguments = args.length == 0 ? new String[] {"serve"} : args;
        CommandLine cli = new CommandLine(new ServerCommands.Baton())
                .addSubcommand(new ServerCommands.Serve())
                .addSubcommand(new ServerCommands.Demo())
                .addSubcommand(new CheckCommand())
                .addSubcommand(new DiffCommand());
        int exit = cli.execute(arguments);
        if (exit != 0 || !ServerCommands.isServing()) {
            System.exit(exit);
        }
    }
}
