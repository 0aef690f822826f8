package dev.baton.core.calendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The open hours of one day: none (closed), one stretch, or a split day of several that do not overlap. */
public record DayHours(List<Opening> openings) {

    private static final DayHours CLOSED = new DayHours(List.of());

    public DayHours {
        var sorted = new ArrayList<>(openings);
        sorted.sort(Comparator.comparing(Opening::opens));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new IllegalArgumentException(sorted.get(i - 1) + " and " + sorted.get(i) + " overlap");
            }
        }
        openings = List.copyOf(sorted);
    }

    public static DayHours closed() {
        return CLOSED;
    }

    public static DayHours of(Opening... openings) {
        return new DayHours(List.of(openings));
    }

    public boolean isClosed() {
        return openings.isEmpty();
    }

    @Override
    public String toString() {
        return isClosed() ? "closed" : openings.stream().map(Opening::toString).collect(Collectors.joining(", "));
    }
}
