package dev.baton.core.lead;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * The times and dates Baton keeps: from 1900 to the end of 9999. Anything outside is a typing slip or a placeholder
 * (year 0, the Julian epoch), not a fact about a lead, and PostgreSQL could not store all of it.
 */
public final class Times {

    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    public static final Instant EARLIEST = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
    public static final Instant LATEST =
            LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);

    /** The sentence an error about a time out of range ends with. */
    public static final String RANGE = "times and dates must lie between 1900-01-01 and 9999-12-31";

    private static final DateTimeFormatter DAY = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, SignStyle.NOT_NEGATIVE)
            .appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private static final DateTimeFormatter MOMENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DAY)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, SignStyle.NOT_NEGATIVE)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM:ss", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHmm", "Z")
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private Times() {}

    /**
     * A moment as exports write it: with an offset ({@code 2026-11-20T15:00:00Z}, {@code 2026-11-20 15:00+01:00},
     * {@code 2026-11-20 15:00:00 UTC}), without one ({@code 2026-11-20 15:00}, in {@code zone}), or a bare date
     * ({@code 2026-11-20} or {@code 2026/11/20}, the start of that day in {@code zone}). Empty for anything else; day
     * and month in another order ({@code 11/20/2026}) are not guessed at.
     */
    public static Optional<Instant> parse(String text, ZoneId zone) {
        String written = text.strip();
        if (written.matches("\\d{4}/\\d{1,2}/\\d{1,2}.*")) {
            written = written.replaceFirst("/", "-").replaceFirst("/", "-");
        }
        written = written.replaceFirst("^(\\d{4}-\\d{1,2}-\\d{1,2}) +(\\d)", "$1T$2")
                .replaceFirst("(?i) *(UTC|GMT)$", "Z")
                .replaceFirst(" +([+-]\\d)", "$1");
        try {
            if (written.indexOf('T') < 0 && written.indexOf('t') < 0) {
                return Optional.of(
                        LocalDate.parse(written, DAY).atStartOfDay(zone).toInstant());
            }
            TemporalAccessor parsed = MOMENT.parseBest(written, OffsetDateTime::from, LocalDateTime::from);
            return Optional.of(
                    parsed instanceof OffsetDateTime offset
                            ? offset.toInstant()
                            : ((LocalDateTime) parsed).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static boolean isKept(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }

    public static boolean isKept(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }
}
