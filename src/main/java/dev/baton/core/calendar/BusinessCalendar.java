package dev.baton.core.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business time in one timezone: the weekly hours, minus public holidays and closed dates, with special hours (half
 * days) on given dates. Open time is counted in real elapsed time, so a stretch of hours that spans a change of
 * clocks is an hour shorter or longer that day, as the people working it live it.
 *
 * <p>A business span in minutes or hours is that much open time. A business day is the next open day at the same
 * time of day (from a closed moment, counting from the next opening); where that day closes earlier, or pauses at that
 * time, the span ends where that day's open time before it ends. A business week is as many business days as the week
 * has open weekdays.
 */
public final class BusinessCalendar {

    /** The last year a search runs into: nothing an agreement promises lies beyond it. */
    private static final int LAST_YEAR = 9999;

    /** The first year a search back runs into. */
    private static final int FIRST_YEAR = 1900;

    private final ZoneId zone;
    private final Map<DayOfWeek, DayHours> week;
    private final PublicHolidays holidays;
    private final Set<LocalDate> closed;
    private final Map<LocalDate, DayHours> special;
    private final int openWeekdays;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    public BusinessCalendar(
            ZoneId zone,
            Map<DayOfWeek, DayHours> week,
            PublicHolidays holidays,
            Set<LocalDate> closed,
            Map<LocalDate, DayHours> special) {
        this.zone = zone;
        var days = new EnumMap<DayOfWeek, DayHours>(DayOfWeek.class);
        days.putAll(week);
        this.week = Collections.unmodifiableMap(days);
        this.holidays = holidays;
        this.closed = Set.copyOf(closed);
        this.special = Map.copyOf(special);
        this.openWeekdays =
                (int) this.week.values().stream().filter(day -> !day.isClosed()).count();
        if (openWeekdays == 0) {
            throw new IllegalArgumentException("a calendar needs at least one open weekday");
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** The same hours and holidays, read in another timezone: 09:00-17:00 means 09:00-17:00 there. */
    public BusinessCalendar inZone(ZoneId other) {
        return other.equals(zone) ? this : new BusinessCalendar(other, week, holidays, closed, special);
    }

    /** The hours a date is open: its special hours, else closed on a holiday or closed date, else its weekday's. */
    public DayHours hoursOn(LocalDate date) {
        DayHours hours = special.get(date);
        if (hours != null) {
            return hours;
        }
        if (closed.contains(date) || holidaysOf(date.getYear()).contains(date)) {
            return DayHours.closed();
        }
        return week.getOrDefault(date.getDayOfWeek(), DayHours.closed());
    }

    public boolean isOpen(Instant at) {
        for (Interval interval : intervals(localDate(at))) {
            if (interval.contains(at)) {
                return true;
            }
        }
        return false;
    }

    /** The moment itself when it is open, else the next moment the calendar opens. */
    public Instant nextOpening(Instant at) {
        for (LocalDate date = localDate(at); ; date = next(date)) {
            for (Interval interval : intervals(date)) {
                if (at.isBefore(interval.end)) {
                    return latest(at, interval.start);
                }
            }
        }
    }

    /** The moment a span after {@code from} ends: wall-clock spans exactly, business spans in open time. */
    public Instant plus(Instant from, Span span) {
        if (!span.business()) {
            return from.plus(span.toDuration());
        }
        return switch (span.unit()) {
            case MINUTES, HOURS -> plusOpenTime(from, span.calendarLength());
            case DAYS -> plusOpenDays(from, span.amount());
            case WEEKS -> plusOpenDays(from, Math.multiplyExact(span.amount(), openWeekdays));
        };
    }

    /**
     * The moment a span before {@code to} starts, for reminders ahead of a deadline: wall-clock spans exactly, business
     * minutes and hours in open time, business days on the open day that many before at the same time of day (or
     * where that day's open time before it ends).
     */
    public Instant minus(Instant to, Span span) {
        if (!span.business()) {
            return to.minus(span.toDuration());
        }
        return switch (span.unit()) {
            case MINUTES, HOURS -> minusOpenTime(to, span.calendarLength());
            case DAYS -> minusOpenDays(to, span.amount());
            case WEEKS -> minusOpenDays(to, Math.multiplyExact(span.amount(), openWeekdays));
        };
    }

    /** The open time between two moments; negative when {@code to} comes before {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        Duration open = Duration.ZERO;
        LocalDate last = localDate(to);
        for (LocalDate date = localDate(from); !date.isAfter(last); date = date.plusDays(1)) {
            for (Interval interval : intervals(date)) {
                Instant start = latest(from, interval.start);
                Instant end = to.isBefore(interval.end) ? to : interval.end;
                if (end.isAfter(start)) {
                    open = open.plus(Duration.between(start, end));
                }
            }
        }
        return open;
    }

    private Instant plusOpenTime(Instant from, Duration length) {
        Duration left = length;
        for (LocalDate date = localDate(from); ; date = next(date)) {
            for (Interval interval : intervals(date)) {
                if (!interval.end.isAfter(from)) {
                    continue;
                }
                Instant start = latest(from, interval.start);
                Duration open = Duration.between(start, interval.end);
                if (open.compareTo(left) >= 0) {
                    return start.plus(left);
                }
                left = left.minus(open);
            }
        }
    }

    private Instant minusOpenTime(Instant to, Duration length) {
        Duration left = length;
        for (LocalDate date = localDate(to); ; date = previous(date)) {
            List<Interval> intervals = intervals(date);
            for (int i = intervals.size() - 1; i >= 0; i--) {
                Interval interval = intervals.get(i);
                if (!interval.start.isBefore(to)) {
                    continue;
                }
                Instant end = to.isBefore(interval.end) ? to : interval.end;
                Duration open = Duration.between(interval.start, end);
                if (open.compareTo(left) >= 0) {
                    return end.minus(left);
                }
                left = left.minus(open);
            }
        }
    }

    private Instant minusOpenDays(Instant to, long days) {
        ZonedDateTime end = to.atZone(zone);
        LocalDate date = end.toLocalDate();
        for (long counted = 0; counted < days; ) {
            date = previous(date);
            if (!intervals(date).isEmpty()) {
                counted++;
            }
        }
        return atOrBefore(date, end.toLocalTime());
    }

    private Instant plusOpenDays(Instant from, long days) {
        ZonedDateTime start = nextOpening(from).atZone(zone);
        LocalDate date = start.toLocalDate();
        for (long counted = 0; counted < days; ) {
            date = next(date);
            if (!intervals(date).isEmpty()) {
                counted++;
            }
        }
        return atOrBefore(date, start.toLocalTime());
    }

    /** The time of day on an open date, or where that date's open time before it ends; its opening if earlier. */
    private Instant atOrBefore(LocalDate date, LocalTime time) {
        Instant wanted = date.atTime(time).atZone(zone).toInstant();
        List<Interval> intervals = intervals(date);
        Instant found = intervals.get(0).start;
        for (Interval interval : intervals) {
            if (wanted.isBefore(interval.start)) {
                break;
            }
            found = wanted.isBefore(interval.end) ? wanted : interval.end;
        }
        return found;
    }

    private List<Interval> intervals(LocalDate date) {
        List<Opening> openings = hoursOn(date).openings();
        var intervals = new ArrayList<Interval>(openings.size());
        for (Opening opening : openings) {
            Instant start = date.atTime(opening.opens()).atZone(zone).toInstant();
            Instant end = opening.closesAtMidnight()
                    ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : date.atTime(opening.closes()).atZone(zone).toInstant();
            // a stretch that lies wholly in a skipped hour of a change of clocks has no time in it
            if (end.isAfter(start)) {
                intervals.add(new Interval(start, end));
            }
        }
        return intervals;
    }

    private Set<LocalDate> holidaysOf(int year) {
        return holidaysByYear.computeIfAbsent(year, holidays::in);
    }

    private LocalDate localDate(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    private static LocalDate next(LocalDate date) {
        if (date.getYear() >= LAST_YEAR) {
            throw new ArithmeticException("the span runs beyond the year " + LAST_YEAR);
        }
        return date.plusDays(1);
    }

    private static LocalDate previous(LocalDate date) {
        if (date.getYear() <= FIRST_YEAR) {
            throw new ArithmeticException("the span runs back beyond the year " + FIRST_YEAR);
        }
        return date.minusDays(1);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Everything that decides what is open, in words that are the same for the same calendar on every machine: the
     * timezone, the week, the holiday region, the closed dates and the special days, each in order.
     */
    public String describe() {
        return "business calendar in " + zone + ", " + week + ", holidays of " + holidays.region() + ", closed "
                + new java.util.TreeSet<>(closed) + ", special " + new java.util.TreeMap<>(special);
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Open from {@code start} (inclusive) to {@code end} (exclusive). */
    private record Interval(Instant start, Instant end) {
        boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }
}
