package dev.baton.adapter.cli;

import dev.baton.adapter.yaml.ReadResult;
import dev.baton.core.agreement.AgreementDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baton diff A B}: what changes, rule by rule, when agreement A is replaced by B. */
@Command(
        name = "diff",
        description = "Show what changes from agreement A to agreement B. Exit 0 when they agree, 1 when they"
                + " differ, 2 when either cannot be read or is invalid.")
public final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A", description = "the agreement as it is")
    Path from;

    @Parameters(index = "1", paramLabel = "B", description = "the agreement as proposed")
    Path to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ReadResult> a = valid(from, err);
        Optional<ReadResult> b = valid(to, err);
        if (a.isEmpty() || b.isEmpty()) {
            err.flush();
            return AgreementFiles.UNREADABLE;
        }
        AgreementDiff diff = AgreementDiff.between(a.get().orThrow(), b.get().orThrow());
        if (diff.isEmpty()) {
            out.println("no differences");
        }
        diff.changes().forEach(change -> out.println(change.describe()));
        out.flush();
        return diff.isEmpty() ? 0 : 1;
    }

    private static Optional<ReadResult> valid(Path file, PrintWriter err) {
        Optional<ReadResult> result = AgreementFiles.read(file, err);
        result.filter(r -> !r.isValid())
                .ifPresent(r -> r.problems().forEach(p -> err.println(p.format(file.toString()))));
        return result.filter(ReadResult::isValid);
    }
}
