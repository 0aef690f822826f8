package dev.baton.core.access;

import java.util.Locale;

/**
 * Through what a change came: a signed-in person's browser, the bootstrap API token, a named API token, the command
 * line, a body signed with the intake secret, or Baton itself (timers, workers, first start).
 */
public enum Source {
    WEB,
    API,
    TOKEN,
    CLI,
    SIGNED,
    SYSTEM;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
