package dev.baton.core.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a metric can be filtered on and broken down by: where the lead came from, who held it, the agreement version
 * that qualified it, the month or week, the reason code, the kind of clock, or any field of the lead or its company
 * (a segment, like {@code company.industry}). A breakdown partitions: every cycle falls in exactly one part (those
 * without a value in {@code (none)}), so the parts add up to the whole.
 */
public sealed interface Dimension {

    String word();

    /** A band of the response time, from {@code from} business hours (inclusive) to {@code until} (exclusive). */
    record Band(String key, long from, long until) {}

    /** The bands of {@link Fixed#RESPONSE}, shortest first; the last is open-ended. */
    List<Band> RESPONSE_BANDS = List.of(
            new Band("0-1h", 0, 1),
            new Band("1-4h", 1, 4),
            new Band("4-8h", 4, 8),
            new Band("8-24h", 8, 24),
            new Band("24-72h", 24, 72),
            new Band("72h+", 72, Long.MAX_VALUE));

    /** The part of {@link Fixed#RESPONSE} of the MQLs not touched yet. */
    String UNTOUCHED = "untouched";

    /** The dimensions every metric knows, and those that only some have. */
    enum Fixed implements Dimension {
        SOURCE,
        CAMPAIGN,
        TEAM,
        REP,
        VERSION,
        MONTH,
        WEEK,
        /** The reason code of a rejection, disqualification, nurture or recycling; the lost reason of a lost deal. */
        REASON,
        /** The kind of service-level clock. */
        CLOCK,
        /**
         * How long the MQL waited for its first touch, in business hours of its rep's calendar: one of
         * {@link #RESPONSE_BANDS}, or {@code untouched} while it still waits.
         */
        RESPONSE;

        @Override
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A field of the lead ({@code lead.title}) or its company ({@code company.industry}), as it is now. */
    record Segment(String field) implements Dimension {
        private static final Pattern FIELD =
                Pattern.compile("(lead|company)\\.[a-z][a-z0-9_]{0,63}(\\.[a-z0-9_]{1,64})?");

        public Segment {
            if (!FIELD.matcher(field).matches()) {
                throw new IllegalArgumentException("not a lead or company field: " + field);
            }
        }

        public boolean ofCompany() {
            return field.startsWith("company.");
        }

        @Override
        public String word() {
            return field;
        }
    }

    /** The dimension a word names: {@code source}, {@code month}, {@code company.industry}…; empty for none. */
    static Optional<Dimension> of(String word) {
        Optional<Dimension> fixed = Arrays.stream(Fixed.values())
                .filter(d -> d.word().equals(word))
                .map(d -> (Dimension) d)
                .findFirst();
        if (fixed.isPresent()) {
            return fixed;
        }
        return Segment.FIELD.matcher(word).matches() ? Optional.of(new Segment(word)) : Optional.empty();
    }

    /** The words of the fixed dimensions, for messages. */
    static String words() {
        return String.join(", ", Arrays.stream(Fixed.values()).map(Fixed::word).toList())
                + ", or a field like lead.title or company.industry";
    }
}
