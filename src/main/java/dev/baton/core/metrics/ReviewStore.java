package dev.baton.core.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The review items escalations open. */
public interface ReviewStore {

    /**
     * Opens the review unless its trigger has one open already or had one for the same period; empty when it did not
     * open.
     */
    Optional<ReviewItem> open(ReviewItem.Draft draft);

    List<ReviewItem> list(Optional<ReviewItem.State> state, int limit);

    Optional<ReviewItem> find(long id);

    /** Closes an open review; false when it was not open. */
    boolean close(long id, String actor, String note, Instant at);
}
