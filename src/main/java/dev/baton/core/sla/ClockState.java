package dev.baton.core.sla;

import java.util.Locale;

/** Where a clock stands. A breached clock stays breached when what it waited for happens late. */
public enum ClockState {
    RUNNING,
    MET,
    BREACHED,
    STOPPED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
