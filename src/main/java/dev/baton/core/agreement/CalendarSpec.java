package dev.baton.core.agreement;

import dev.baton.core.calendar.BusinessCalendar;
import dev.baton.core.calendar.DayHours;
import dev.baton.core.calendar.PublicHolidays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The business calendar the service levels run on, as the agreement writes it: a timezone, opening hours per weekday
 * (split days allowed), the public holidays of a region, closed dates, and half days with hours of their own.
 */
public record CalendarSpec(
        ZoneId timezone,
        Map<DayOfWeek, DayHours> week,
        PublicHolidays publicHolidays,
        List<LocalDate> closedDates,
        Map<LocalDate, DayHours> halfDays)
        implements Clause {

    public CalendarSpec {
        var days = new EnumMap<DayOfWeek, DayHours>(DayOfWeek.class);
        days.putAll(week);
        week = Collections.unmodifiableMap(days);
        closedDates = closedDates.stream().sorted().distinct().toList();
        halfDays = Collections.unmodifiableMap(new TreeMap<>(halfDays));
        if (week.values().stream().allMatch(DayHours::isClosed)) {
            throw new IllegalArgumentException("a calendar needs at least one open day");
        }
    }

    /** The calendar in the agreement's own timezone. */
    public BusinessCalendar calendar() {
        return new BusinessCalendar(timezone, week, publicHolidays, Set.copyOf(closedDates), halfDays);
    }

    /** The holiday region, {@code US-NY}; empty when the agreement names none. */
    public Optional<String> holidayRegion() {
        return publicHolidays == PublicHolidays.none() ? Optional.empty() : Optional.of(publicHolidays.region());
    }

    @Override
    public String key() {
        return "calendar";
    }

    @Override
    public Map<String, String> attributes() {
        var map = new LinkedHashMap<String, String>();
        map.put("timezone", timezone.getId());
        map.put(
                "hours",
                week.entrySet().stream()
                        .filter(day -> !day.getValue().isClosed())
                        .map(day -> day.getKey().name().substring(0, 3).toLowerCase(Locale.ROOT) + " " + day.getValue())
                        .collect(Collectors.joining("; ")));
        map.put("holiday-region", holidayRegion().orElse("none"));
        map.put("holidays", closedDates.stream().map(LocalDate::toString).collect(Collectors.joining(", ")));
        map.put(
                "half-days",
                halfDays.entrySet().stream()
                        .map(day -> day.getKey() + " " + day.getValue())
                        .collect(Collectors.joining("; ")));
        return map;
    }
}
