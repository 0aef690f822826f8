package dev.baton.core.scoring;

import java.time.Instant;
import java.util.Arrays;

/**
 * What a lead's engagement means to one set of event rules: for each event that can still count, when it happened and
 * which rules it matches. Scoring reads nothing else of the events, so a lead is rescored after a new event from its
 * trace and that event alone, without reading its history again.
 *
 * <p>A trace belongs to the rules it was made with, named by {@link #rules()} (see {@link Scorer#traceRules()}): an
 * agreement version whose event rules and horizon are the same can go on with it; any other must make a new one from
 * the events. Entries are in time order; each has {@link #words()} words of rule bits, bit {@code i} for the scorer's
 * event rule {@code i}.
 */
public final class ScoringTrace {

    private final long rules;
    private final int words;
    private final Instant[] at;
    private final long[] matches;

    public ScoringTrace(long rules, int words, Instant[] at, long[] matches) {
        if (words < 1 || matches.length != at.length * words) {
            throw new IllegalArgumentException(
                    "a trace of " + at.length + " entries needs " + words + " words of rule bits for each");
        }
        for (int i = 1; i < at.length; i++) {
            if (at[i].isBefore(at[i - 1])) {
                throw new IllegalArgumentException("trace entries must be in time order");
            }
        }
        this.rules = rules;
        this.words = words;
        this.at = at.clone();
        this.matches = matches.clone();
    }

    static ScoringTrace empty(long rules, int words) {
        return new ScoringTrace(rules, words, new Instant[0], new long[0]);
    }

    /** The fingerprint of the event rules and horizon this trace was made for. */
    public long rules() {
        return rules;
    }

    public int words() {
        return words;
    }

    public int size() {
        return at.length;
    }

    public Instant at(int entry) {
        return at[entry];
    }

    /** Word {@code word} of the rule bits of an entry. */
    public long word(int entry, int word) {
        return matches[entry * words + word];
    }

    boolean matches(int entry, int rule) {
        return (matches[entry * words + (rule >>> 6)] & (1L << (rule & 63))) != 0;
    }

    /** The rule bits of an entry, a copy. */
    long[] bits(int entry) {
        return Arrays.copyOfRange(matches, entry * words, entry * words + words);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScoringTrace that
                && rules == that.rules
                && words == that.words
                && Arrays.equals(at, that.at)
                && Arrays.equals(matches, that.matches);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(rules) * 31 + Arrays.hashCode(at);
    }

    @Override
    public String toString() {
        return "ScoringTrace[" + at.length + " entries for rules " + Long.toHexString(rules) + "]";
    }
}
