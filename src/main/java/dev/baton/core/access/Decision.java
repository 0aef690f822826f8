package dev.baton.core.access;

/** The access policy's answer: allowed, or denied with a reason the person can act on. */
public sealed interface Decision {

    boolean allowed();

    static Decision allow() {
        return Allowed.INSTANCE;
    }

    static Decision deny(String reason) {
        return new Denied(reason);
    }

    /** Allowed. */
    enum Allowed implements Decision {
        INSTANCE;

        @Override
        public boolean allowed() {
            return true;
        }
    }

    /** Denied, and why. */
    record Denied(String reason) implements Decision {
        @Override
        public boolean allowed() {
            return false;
        }
    }
}
