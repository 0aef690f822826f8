package dev.baton.core.calendar;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A length of time as an agreement writes it: {@code 30d}, {@code 24h}, {@code 2 business hours}, {@code 10 business
 * days}. Business spans count only the calendar's business hours and days.
 */
public record Span(long amount, Unit unit, boolean business) implements Comparable<Span> {

    private static final Pattern COMPACT = Pattern.compile("([1-9][0-9]{0,8})(m|h|d|w)");
    private static final Pattern WORDS =
            Pattern.compile("([1-9][0-9]{0,8}) (business )?(minute|minutes|hour|hours|day|days|week|weeks)");

    /** The units a span can be written in. */
    public enum Unit {
        MINUTES("m", "minute", Duration.ofMinutes(1)),
        HOURS("h", "hour", Duration.ofHours(1)),
        DAYS("d", "day", Duration.ofDays(1)),
        WEEKS("w", "week", Duration.ofDays(7));

        private final String letter;
        private final String word;
        private final Duration length;

        Unit(String letter, String word, Duration length) {
            this.letter = letter;
            this.word = word;
            this.length = length;
        }

        static Unit ofLetter(String letter) {
            for (Unit unit : values()) {
                if (unit.letter.equals(letter)) {
                    return unit;
                }
            }
            throw new IllegalArgumentException("no unit " + letter);
        }

        static Unit ofWord(String word) {
            for (Unit unit : values()) {
                if (word.startsWith(unit.word)) {
                    return unit;
                }
            }
            throw new IllegalArgumentException("no unit " + word);
        }
    }

    public Span {
        if (amount < 1) {
            throw new IllegalArgumentException("a span is at least 1 " + unit.word);
        }
    }

    public static Span of(long amount, Unit unit) {
        return new Span(amount, unit, false);
    }

    public static Span business(long amount, Unit unit) {
        return new Span(amount, unit, true);
    }

    /** Reads {@code 30d}, {@code 2h}, {@code 3 business days}; empty when the text is not a span. */
    public static Optional<Span> parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        var compact = COMPACT.matcher(trimmed);
        if (compact.matches()) {
            return Optional.of(of(Long.parseLong(compact.group(1)), Unit.ofLetter(compact.group(2))));
        }
        var words = WORDS.matcher(trimmed);
        if (words.matches()) {
            long amount = Long.parseLong(words.group(1));
            return Optional.of(new Span(amount, Unit.ofWord(words.group(3)), words.group(2) != null));
        }
        return Optional.empty();
    }

    /** The wall-clock length; only meaningful for spans that are not business spans. */
    public Duration toDuration() {
        if (business) {
            throw new IllegalStateException(this + " is counted on the business calendar, not the wall clock");
        }
        return unit.length.multipliedBy(amount);
    }

    /**
     * The length as if every minute counted: the wall-clock length, or for a business span in minutes or hours the
     * open time it stands for.
     */
    public Duration calendarLength() {
        return unit.length.multipliedBy(amount);
    }

    /** The length in minutes as if every hour counted; used only to order spans of the same kind. */
    long nominalMinutes() {
        return unit.length.multipliedBy(amount).toMinutes();
    }

    @Override
    public int compareTo(Span other) {
        return Long.compare(nominalMinutes(), other.nominalMinutes());
    }

    /** "30 days", "2 business hours": how the span reads in a sentence. */
    public String describe() {
        return amount + (business ? " business " : " ") + unit.word + (amount == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return business ? describe() : amount + unit.letter;
    }
}
