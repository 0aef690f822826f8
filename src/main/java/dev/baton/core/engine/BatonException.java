package dev.baton.core.engine;

/** The root of the failures callers are expected to handle. */
public abstract class BatonException extends RuntimeException {

    protected BatonException(String message) {
        super(message);
    }

    /** A thing that does not exist; named by a field of the request when it is not the resource of the path. */
    public static final class NotFound extends BatonException {
        private final java.util.Optional<String> field;

        public NotFound(String message) {
            super(message);
            this.field = java.util.Optional.empty();
        }

        public NotFound(String field, String message) {
            super(message);
            this.field = java.util.Optional.of(field);
        }

        public java.util.Optional<String> field() {
            return field;
        }

        /** A rep the roster does not know, wherever the request names them. */
        public static NotFound rep(String rep, java.util.Optional<String> field) {
            String message = "there is no rep " + rep + " in the roster";
            return field.map(f -> new NotFound(f, message)).orElseGet(() -> new NotFound(message));
        }
    }

    /** A command that the current state refuses, e.g. activating an agreement without both approvals. */
    /** The actor may not do this: the policy's reason says why. */
    public static final class Forbidden extends BatonException {
        public Forbidden(String message) {
            super(message);
        }
    }

    /** Too many requests or sign-ins: try again after the given wait. */
    public static final class TooMany extends BatonException {
        private final java.time.Duration retryAfter;

        public TooMany(String message, java.time.Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public java.time.Duration retryAfter() {
            return retryAfter;
        }
    }

    public static final class Conflict extends BatonException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** A command with a missing or wrong field, named as the caller sent it. */
    public static final class Invalid extends BatonException {
        private final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** A lifecycle step the lead's current stage does not allow. */
    public static final class IllegalTransition extends BatonException {
        private final dev.baton.core.lifecycle.Stage current;
        private final java.util.Set<dev.baton.core.lifecycle.Step> allowed;

        public IllegalTransition(dev.baton.core.lifecycle.Outcome.Refused refused) {
            super(refused.message());
            this.current = refused.current();
            this.allowed = refused.allowed();
        }

        public dev.baton.core.lifecycle.Stage current() {
            return current;
        }

        public java.util.Set<dev.baton.core.lifecycle.Step> allowed() {
            return allowed;
        }
    }
}
