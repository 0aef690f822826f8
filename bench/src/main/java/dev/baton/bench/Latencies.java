package dev.baton.bench;

import java.util.Arrays;

/** Latencies recorded from any thread, read as percentiles in milliseconds. */
final class Latencies {

    private long[] nanos = new long[4096];
    private int count;

    synchronized void record(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    synchronized int count() {
        return count;
    }

    /** The smallest latency that {@code percent} % of the recorded ones do not exceed. */
    synchronized double percentileMillis(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * count);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
