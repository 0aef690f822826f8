package dev.baton.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Calendars for tests, built from text as an agreement writes hours ({@code 09:00-12:00, 13:00-17:00}). */
final class Calendars {

    private Calendars() {}

    /** Monday to Friday with the same hours, no holidays. */
    static BusinessCalendar weekdays(String zone, String hours) {
        return week(zone, hours, hours, hours, hours, hours, "closed", "closed");
    }

    /** Monday to Sunday, each day's hours in order. */
    static BusinessCalendar week(String zone, String... days) {
        return new BusinessCalendar(ZoneId.of(zone), hours(days), PublicHolidays.none(), Set.of(), Map.of());
    }

    static Map<DayOfWeek, DayHours> hours(String... days) {
        var week = new EnumMap<DayOfWeek, DayHours>(DayOfWeek.class);
        for (int i = 0; i < days.length; i++) {
            week.put(DayOfWeek.of(i + 1), day(days[i]));
        }
        return week;
    }

    static DayHours day(String text) {
        if (text.equals("closed")) {
            return DayHours.closed();
        }
        var openings = new java.util.ArrayList<Opening>();
        for (String part : text.split(",\\s*")) {
            String[] ends = part.split("-");
            openings.add(new Opening(time(ends[0]), time(ends[1])));
        }
        return new DayHours(openings);
    }

    static PublicHolidays holidays(LocalDate... dates) {
        Set<LocalDate> days = Set.of(dates);
        return new PublicHolidays() {
            @Override
            public String region() {
                return "test";
            }

            @Override
            public Set<LocalDate> in(int year) {
                return days;
            }
        };
    }

    private static LocalTime time(String text) {
        return text.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(text);
    }
}
