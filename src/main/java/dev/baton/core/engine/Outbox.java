package dev.baton.core.engine;

import dev.baton.core.notification.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The transactional outbox of notices: written with the change that caused them, delivered after. */
public interface Outbox {

    /** Where a notice stands. */
    enum State {
        PENDING,
        DELIVERED,
        DEAD
    }

    /** A notice as the outbox holds it, for the API and the delivery worker. */
    record Entry(
            long id,
            Notice notice,
            State state,
            int attempts,
            Instant createdAt,
            Instant nextAttemptAt,
            Optional<String> lastError,
            Optional<Instant> deliveredAt) {}

    /** Adds notices in the caller's transaction; a notice whose key is there already is left as it is. */
    void add(List<Notice> notices, Instant at);

    /**
     * Takes up to {@code limit} pending notices that are due, earliest first, for {@code lease}: no other worker takes
     * them before the lease ends (a worker that died lets its notices be taken again).
     */
    List<Entry> lease(Instant now, Duration lease, int limit);

    void delivered(long id, Instant at);

    /** Records a failed attempt: the notice is tried again at {@code next}, or is dead. */
    void failed(long id, int attempts, Instant next, String error, boolean dead);

    /** The newest notices, of a state or all. */
    List<Entry> list(Optional<State> state, int limit);

    Optional<Entry> find(long id);

    /** A dead notice is pending again, due at once; false when it is not dead. */
    boolean retry(long id, Instant now);

    /** Pending notices, and the oldest of them, for the metrics. */
    Backlog backlog();

    /** How many notices wait, and since when the oldest has. */
    record Backlog(long pending, Optional<Instant> oldest) {}
}
