package dev.baton.core.notification;

import dev.baton.core.agreement.ChannelKind;

/** Where notices leave Baton: one channel of a kind, configured in the settings. */
public interface Delivery {

    ChannelKind kind();

    /** Delivers the notice, or throws {@link Failed} with what the receiver said. */
    void deliver(Notice notice) throws Failed;

    /** A delivery that did not happen: the receiver refused it, timed out, or could not be reached. */
    final class Failed extends Exception {
        public Failed(String message) {
            super(message);
        }

        public Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
