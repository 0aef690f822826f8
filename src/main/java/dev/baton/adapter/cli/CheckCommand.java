package dev.baton.adapter.cli;

import dev.baton.adapter.yaml.ReadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baton check FILE…}: validates agreement files and prints every problem with its line and column. */
@Command(
        name = "check",
        description = "Validate agreement files. Exit 0 when all are valid, 1 when any has problems, 2 when any"
                + " cannot be read.")
public final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "agreement YAML files")
    List<Path> files = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int worst = AgreementFiles.VALID;
        for (Path file : files) {
            Optional<ReadResult> result = AgreementFiles.read(file, err);
            if (result.isEmpty()) {
                worst = AgreementFiles.UNREADABLE;
            } else if (result.get().isValid()) {
                out.println(file + ": ok — " + result.get().orThrow().summary());
            } else {
                result.get().problems().forEach(p -> out.println(p.format(file.toString())));
                worst = Math.max(worst, AgreementFiles.INVALID);
            }
        }
        out.flush();
        err.flush();
        return worst;
    }
}
