package dev.baton.core.engine;

import dev.baton.core.agreement.AgreementVersion;
import dev.baton.core.agreement.Approval;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The port to where agreement versions are kept. */
public interface AgreementVersions {

    /** Stores a new draft and returns its number. */
    int add(String name, String source, String author, Instant at, Optional<String> note);

    Optional<AgreementVersion> find(int number);

    /** Finds a version and locks it against concurrent sign-off or activation until the transaction ends. */
    Optional<AgreementVersion> lock(int number);

    Optional<AgreementVersion> active();

    /** The number of the active version; cheap enough to ask on every command. */
    Optional<Integer> activeNumber();

    List<AgreementVersion> all();

    void approve(int number, Approval approval);

    /** Retires the active version, if any, and makes this one active. */
    void activate(int number, String actor, Instant at);
}
