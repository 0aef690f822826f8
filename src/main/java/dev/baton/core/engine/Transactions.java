package dev.baton.core.engine;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** Runs work atomically: all of it happens, or none. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs work in a transaction of its own that commits when the work is done, even when called inside another
     * transaction, which waits meanwhile; the work must not need locks the waiting transaction holds.
     */
    <T> T inOwnTransaction(Supplier<T> work);

    /**
     * Runs work in a transaction of its own and keeps its writes only when {@code keep} accepts the result; the result
     * is returned either way. A rehearsal (a dry run) is work whose result is never kept.
     */
    <T> T inTransaction(Supplier<T> work, Predicate<? super T> keep);

    /**
     * Runs work inside the current transaction so that, when it throws, only its own writes are undone and the
     * transaction goes on.
     */
    <T> T inSavepoint(Supplier<T> work);
}
