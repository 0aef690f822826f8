package dev.baton.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Properties of business time that hold for every calendar, checked on generated ones: timezones with and without
 * changes of clocks (north and south, at 02:00 and at midnight, with half-hour offsets), split days, half days,
 * holidays and closed dates, over four years that include the changes of clocks and year ends. The generator is seeded
 * (-Dcalendar.seed), so each run checks the same cases and a failure names its seed.
 */
class BusinessCalendarProperties {

    private static final int TRIES = 2000;
    private static final List<String> ZONES = List.of(
            "America/New_York",
            "Europe/London",
            "Europe/Berlin",
            "Australia/Sydney",
            "America/Santiago",
            "Asia/Kolkata",
            "Pacific/Chatham",
            "UTC");
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final long RANGE_SECONDS = Duration.ofDays(4 * 365).toSeconds();

    @Test
    void theOpenTimeBetweenAMomentAndABusinessSpanAfterItIsThatSpan() {
        forAll(any -> {
            Span span = any.openTimeSpan();
            Instant end = any.calendar.plus(any.instant, span);
            assertThat(any.calendar.between(any.instant, end)).isEqualTo(span.calendarLength());
        });
    }

    @Test
    void theOpenTimeBetweenAMomentAndABusinessSpanBeforeItIsThatSpan() {
        forAll(any -> {
            Span span = any.openTimeSpan();
            Instant start = any.calendar.minus(any.instant, span);
            assertThat(any.calendar.between(start, any.instant)).isEqualTo(span.calendarLength());
            assertThat(start).isBefore(any.instant);
        });
    }

    @Test
    void aBusinessSpanBackFromWhereItEndsLandsWhereItStarted() {
        forAll(any -> {
            Span span = any.openTimeSpan();
            Instant start = any.calendar.nextOpening(any.instant);
            assertThat(any.calendar.minus(any.calendar.plus(start, span), span)).isEqualTo(start);
        });
    }

    @Test
    void aBusinessSpanEndsInOpenHoursOrAtAClosingTime() {
        forAll(any -> {
            Span span = any.random.nextBoolean() ? any.openTimeSpan() : any.daySpan();
            Instant end = any.calendar.plus(any.instant, span);
            assertThat(end).isAfter(any.instant);
            assertThat(any.calendar.isOpen(end) || any.calendar.isOpen(end.minusNanos(1)))
                    .as("%s after %s ends at %s, which is neither open nor a closing time", span, any.instant, end)
                    .isTrue();
        });
    }

    @Test
    void aLongerSpanNeverEndsSooner() {
        forAll(any -> {
            boolean days = any.random.nextBoolean();
            Span shorter = days ? any.daySpan() : any.openTimeSpan();
            Span longer = new Span(shorter.amount() + 1 + any.random.nextInt(30), shorter.unit(), true);
            assertThat(any.calendar.plus(any.instant, longer))
                    .isAfterOrEqualTo(any.calendar.plus(any.instant, shorter));
        });
    }

    @Test
    void twoSpansOneAfterTheOtherEndWhereTheirSumEnds() {
        forAll(any -> {
            int first = 1 + any.random.nextInt(600);
            int second = 1 + any.random.nextInt(600);
            Instant stepwise = any.calendar.plus(
                    any.calendar.plus(any.instant, Span.business(first, Span.Unit.MINUTES)),
                    Span.business(second, Span.Unit.MINUTES));
            assertThat(stepwise)
                    .isEqualTo(any.calendar.plus(any.instant, Span.business(first + second, Span.Unit.MINUTES)));
        });
    }

    @Test
    void theNextOpeningIsOpenAndNoOpenTimeLiesBeforeIt() {
        forAll(any -> {
            Instant opening = any.calendar.nextOpening(any.instant);
            assertThat(any.calendar.isOpen(opening)).isTrue();
            assertThat(any.calendar.between(any.instant, opening)).isZero();
            assertThat(opening.equals(any.instant)).isEqualTo(any.calendar.isOpen(any.instant));
        });
    }

    @Test
    void openTimeIsNeverMoreThanTheTimeThatPassed() {
        forAll(any -> {
            Instant later = any.instant.plusSeconds(any.random.nextInt(60 * 86_400));
            Duration open = any.calendar.between(any.instant, later);
            assertThat(open).isBetween(Duration.ZERO, Duration.between(any.instant, later));
            assertThat(any.calendar.between(later, any.instant)).isEqualTo(open.negated());
        });
    }

    private static void forAll(Consumer<Case> property) {
        long seed = Long.getLong("calendar.seed", 20261202L);
        var seeds = new Random(seed);
        for (int i = 0; i < TRIES; i++) {
            long caseSeed = seeds.nextLong();
            Case any = new Case(new Random(caseSeed));
            try {
                property.accept(any);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case seed " + caseSeed + " (run seed " + seed + "): " + any, e);
            }
        }
    }

    /** One generated calendar and moment. */
    private static final class Case {
        final Random random;
        final BusinessCalendar calendar;
        final Instant instant;

        Case(Random random) {
            this.random = random;
            this.calendar = calendar();
            this.instant = FROM.plusSeconds((long) (random.nextDouble() * RANGE_SECONDS));
        }

        Span openTimeSpan() {
            return random.nextBoolean()
                    ? Span.business(1 + random.nextInt(3000), Span.Unit.MINUTES)
                    : Span.business(1 + random.nextInt(120), Span.Unit.HOURS);
        }

        Span daySpan() {
            return random.nextInt(4) == 0
                    ? Span.business(1 + random.nextInt(4), Span.Unit.WEEKS)
                    : Span.business(1 + random.nextInt(20), Span.Unit.DAYS);
        }

        private BusinessCalendar calendar() {
            ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            var week = new EnumMap<DayOfWeek, DayHours>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                week.put(day, random.nextInt(4) == 0 ? DayHours.closed() : hours());
            }
            if (week.values().stream().allMatch(DayHours::isClosed)) {
                week.put(DayOfWeek.WEDNESDAY, hours());
            }
            var closed = new HashSet<LocalDate>();
            var special = new HashMap<LocalDate, DayHours>();
            LocalDate start = LocalDate.of(2025, 1, 1);
            for (int i = 0; i < 40; i++) {
                LocalDate date = start.plusDays(random.nextInt(4 * 365 + 30));
                if (random.nextBoolean()) {
                    closed.add(date);
                } else {
                    special.put(date, hours());
                }
            }
            return new BusinessCalendar(zone, week, PublicHolidays.none(), closed, special);
        }

        /** One to three stretches in order, on quarter hours, some running to midnight or through 02:00. */
        private DayHours hours() {
            int parts = 1 + random.nextInt(3);
            var openings = new ArrayList<Opening>();
            int quarter = random.nextInt(12 * 4);
            for (int i = 0; i < parts && quarter < 96; i++) {
                int length = 1 + random.nextInt(40);
                int end = Math.min(96, quarter + length);
                openings.add(new Opening(time(quarter), end == 96 ? LocalTime.MIDNIGHT : time(end)));
                quarter = end + 1 + random.nextInt(12);
            }
            return new DayHours(openings);
        }

        private static LocalTime time(int quarter) {
            return LocalTime.of(quarter / 4, quarter % 4 * 15);
        }

        @Override
        public String toString() {
            return calendar + " at " + instant;
        }
    }
}
