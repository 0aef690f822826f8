package dev.baton.core.calendar;

import java.time.LocalTime;

/** One stretch of open hours in a day, from {@code opens} to {@code closes}; a close of midnight means 24:00. */
public record Opening(LocalTime opens, LocalTime closes) {

    public Opening {
        if (!endOfDay(closes) && !closes.isAfter(opens)) {
            throw new IllegalArgumentException("closes at " + text(closes) + ", not after it opens at " + opens);
        }
    }

    /** Whether the two stretches share any open minute; stretches that only touch do not overlap. */
    public boolean overlaps(Opening other) {
        return opens.isBefore(other.closesOnDay()) && other.opens.isBefore(closesOnDay());
    }

    boolean closesAtMidnight() {
        return endOfDay(closes);
    }

    private LocalTime closesOnDay() {
        return endOfDay(closes) ? LocalTime.MAX : closes;
    }

    private static boolean endOfDay(LocalTime time) {
        return time.equals(LocalTime.MIDNIGHT);
    }

    private static String text(LocalTime time) {
        return endOfDay(time) ? "24:00" : time.toString();
    }

    @Override
    public String toString() {
        return opens + "-" + text(closes);
    }
}
