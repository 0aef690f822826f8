package dev.baton.adapter.cli;

import dev.baton.adapter.yaml.ReadResult;
import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.Target;
import dev.baton.core.engine.TargetCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code baton check FILE…}: validates agreement files and prints every problem with its line and column. */
@Command(
        name = "check",
        description = "Validate agreement files. Exit 0 when all are valid, 1 when any has problems, 2 when any"
                + " cannot be read (or, with --against, Baton cannot be reached).")
public final class CheckCommand implements Callable<Integer> {

    /** The clock the months to measure are counted back from. */
    private final Clock clock;

    public CheckCommand() {
        this(Clock.systemUTC());
    }

    /** A check whose months for {@code --against} are counted back from this clock's day. */
    public CheckCommand(Clock clock) {
        this.clock = clock;
    }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "agreement YAML files")
    List<Path> files = List.of();

    @Option(
            names = "--against",
            paramLabel = "URL",
            description = "a running Baton: warn about each target far from what its last --months full months"
                    + " measured (warnings do not change the exit code)")
    @Nullable
    String against;

    @Option(
            names = "--months",
            defaultValue = "3",
            description = "the full months before this one to measure the targets against (default ${DEFAULT-VALUE})")
    int months = 3;

    @Option(
            names = "--token",
            defaultValue = "${env:BATON_API_TOKEN}",
            description = "the API token for --against (default: the environment's BATON_API_TOKEN)")
    @Nullable
    String token;

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
                if (against != null) {
                    worst = Math.max(worst, warnings(file, result.get().orThrow(), out, err));
                }
            } else {
                result.get().problems().forEach(p -> out.println(p.format(file.toString())));
                worst = Math.max(worst, AgreementFiles.INVALID);
            }
        }
        out.flush();
        err.flush();
        return worst;
    }

    /**
     * Each target of the agreement against what the running Baton measured over the last full months; 0, or 2 when
     * Baton cannot be reached or refuses.
     */
    private int warnings(Path file, Agreement agreement, PrintWriter out, PrintWriter err) {
        if (months < 1 || months > 36) {
            err.println("--months must be 1 to 36, not " + months);
            return AgreementFiles.UNREADABLE;
        }
        var remote = new Remote();
        remote.url = java.util.Objects.requireNonNull(against);
        remote.token = token;
        LocalDate today = LocalDate.now(clock);
        LocalDate to = today.withDayOfMonth(1).minusDays(1);
        LocalDate from = today.withDayOfMonth(1).minusMonths(months);
        String period = "from " + from + " to " + to;
        for (Target target : agreement.targets()) {
            var measured = new double[] {Double.NaN};
            int code = remote.get(
                    "/api/v1/metrics/" + target.metric().id() + "?from=" + from + "&to=" + to,
                    "application/json",
                    err,
                    body -> {
                        JsonNode value = Remote.json(body).path("value");
                        if (value.isNumber()) {
                            measured[0] = value.asDouble();
                        }
                    });
            if (code != 0) {
                return AgreementFiles.UNREADABLE;
            }
            if (Double.isNaN(measured[0])) {
                out.println(file + ": warning: " + target.metric().id() + ": nothing measured " + period
                        + " to check the target against");
                continue;
            }
            TargetCheck.against(target, measured[0], period)
                    .ifPresent(warning -> out.println(file + ": warning: " + warning));
        }
        return AgreementFiles.VALID;
    }
}
