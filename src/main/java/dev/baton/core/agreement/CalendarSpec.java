package dev.baton.core.agreement;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The business calendar the service levels run on: a timezone, opening hours per weekday, and holidays. */
public record CalendarSpec(
        ZoneId timezone, List<BusinessHours> hours, Optional<String> holidayCountry, List<LocalDate> holidays)
        implements Clause {

    /** The hours a weekday is open. */
    public record BusinessHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
        public BusinessHours {
            if (!closes.isAfter(opens) && !closes.equals(LocalTime.MIDNIGHT)) {
                throw new IllegalArgumentException(day + ": closes at " + closes + ", not after it opens at " + opens);
            }
        }

        @Override
        public String toString() {
            return day.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT) + " " + opens + "-"
                    + (closes.equals(LocalTime.MIDNIGHT) ? "24:00" : closes);
        }
    }

    public CalendarSpec {
        hours = List.copyOf(hours);
        holidays = List.copyOf(holidays);
        if (hours.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one open day");
        }
        if (hours.stream().map(BusinessHours::day).distinct().count() != hours.size()) {
            throw new IllegalArgumentException("a weekday is listed twice");
        }
    }

    @Override
    public String key() {
        return "calendar";
    }

    @Override
    public Map<String, String> attributes() {
        var map = new LinkedHashMap<String, String>();
        map.put("timezone", timezone.getId());
        map.put("hours", hours.stream().map(BusinessHours::toString).collect(Collectors.joining(", ")));
        map.put("holiday-country", holidayCountry.orElse("none"));
        map.put("holidays", holidays.stream().map(LocalDate::toString).collect(Collectors.joining(", ")));
        return map;
    }
}
