package dev.baton.core.engine;

import java.util.function.Supplier;

/** Runs work atomically: all of it happens, or none. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
