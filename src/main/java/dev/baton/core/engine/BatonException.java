package dev.baton.core.engine;

/** The root of the failures callers are expected to handle. */
public abstract class BatonException extends RuntimeException {

    protected BatonException(String message) {
        super(message);
    }

    /** A thing that does not exist. */
    public static final class NotFound extends BatonException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** A command that the current state refuses, e.g. activating an agreement without both approvals. */
    public static final class Conflict extends BatonException {
        public Conflict(String message) {
            super(message);
        }
    }
}
