package dev.baton.core.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** How many months or weeks a period spans, for the figures given per month or per week. */
public final class Periods {

    private Periods() {}

    /**
     * The calendar months of a period, in the zone's days: each month it covers whole counts 1, a month it covers in
     * part counts the share of its days it covers (1 to 15 April is half of April). A period of days that are not
     * whole counts its hours instead.
     */
    public static double months(Instant from, Instant to, ZoneId zone) {
        LocalDate first = LocalDate.ofInstant(from, zone);
        LocalDate end = LocalDate.ofInstant(to, zone);
        if (!first.atStartOfDay(zone).toInstant().equals(from)
                || !end.atStartOfDay(zone).toInstant().equals(to)) {
            return Duration.between(from, to).toSeconds() / 86_400.0 / (365.2425 / 12);
        }
        double months = 0;
        for (YearMonth month = YearMonth.from(first);
                !month.atDay(1).isAfter(end.minusDays(1));
                month = month.plusMonths(1)) {
            LocalDate start = month.atDay(1).isBefore(first) ? first : month.atDay(1);
            LocalDate stop = month.plusMonths(1).atDay(1).isAfter(end)
                    ? end
                    : month.plusMonths(1).atDay(1);
            months += (double) ChronoUnit.DAYS.between(start, stop) / month.lengthOfMonth();
        }
        return months;
    }

    /** The weeks of a period: its days in the zone over seven. */
    public static double weeks(Instant from, Instant to, ZoneId zone) {
        LocalDate first = LocalDate.ofInstant(from, zone);
        LocalDate end = LocalDate.ofInstant(to, zone);
        if (!first.atStartOfDay(zone).toInstant().equals(from)
                || !end.atStartOfDay(zone).toInstant().equals(to)) {
            return Duration.between(from, to).toSeconds() / 86_400.0 / 7;
        }
        return ChronoUnit.DAYS.between(first, end) / 7.0;
    }
}
