package dev.baton.core.engine;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.AgreementVersion;
import dev.baton.core.lifecycle.Lifecycle;
import dev.baton.core.routing.Router;
import dev.baton.core.scoring.Scorer;
import dev.baton.core.sla.SlaPolicy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The agreement in force, parsed once per version and shared. */
public final class ActiveAgreement {

    /** An active agreement ready to run: its version number, scorer, lifecycle, router and service levels. */
    public record Running(
            int version, Agreement agreement, Scorer scorer, Lifecycle lifecycle, Router router, SlaPolicy sla) {}

    private final AgreementVersions versions;
    private final AgreementParser parser;
    private volatile Optional<Running> cached = Optional.empty();
    /** Versions that are not active but still run: the clocks of leads they qualified, a rescoring job's. */
    private final Map<Integer, Running> older = new ConcurrentHashMap<>();

    public ActiveAgreement(AgreementVersions versions, AgreementParser parser) {
        this.versions = versions;
        this.parser = parser;
    }

    /** The version active now; parsed again only when another version became active. */
    public Optional<Running> current() {
        Optional<Integer> number = versions.activeNumber();
        if (number.isEmpty()) {
            return Optional.empty();
        }
        Optional<Running> known = cached;
        if (known.isPresent() && known.get().version() == number.get()) {
            return known;
        }
        Optional<Running> loaded = versions.find(number.get()).map(this::load);
        cached = loaded;
        return loaded;
    }

    /** A version ready to run, active or not (a rescoring job runs the version it was started for). */
    public Running version(int number) {
        Optional<Running> known = cached;
        if (known.isPresent() && known.get().version() == number) {
            return known.get();
        }
        return older.computeIfAbsent(
                number,
                n -> versions.find(n)
                        .map(this::load)
                        .orElseThrow(() -> new BatonException.NotFound("there is no agreement version " + n)));
    }

    /** The active agreement, or a conflict for commands that cannot run without one. */
    public Running require() {
        return current()
                .orElseThrow(() -> new BatonException.Conflict(
                        "no agreement is active yet; propose one, have marketing and sales approve it, activate it"));
    }

    private Running load(AgreementVersion version) {
        Agreement agreement = parser.parse(version.source());
        return new Running(
                version.number(),
                agreement,
                new Scorer(agreement),
                new Lifecycle(agreement, version.number()),
                new Router(agreement.routing()),
                new SlaPolicy(agreement));
    }
}
