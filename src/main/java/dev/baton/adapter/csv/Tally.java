package dev.baton.adapter.csv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts of what an import did, by name, in a fixed order. */
final class Tally {

    private final Map<String, Long> counts = new LinkedHashMap<>();

    Tally(List<String> names) {
        names.forEach(name -> counts.put(name, 0L));
    }

    void add(String name) {
        counts.merge(name, 1L, Long::sum);
    }

    void addAll(Tally other) {
        other.counts.forEach((name, count) -> counts.merge(name, count, Long::sum));
    }

    Map<String, Long> counts() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
}
