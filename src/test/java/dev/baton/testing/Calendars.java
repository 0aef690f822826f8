package dev.baton.testing;

import dev.baton.core.calendar.BusinessCalendar;
import dev.baton.core.calendar.DayHours;
import dev.baton.core.calendar.Opening;
import dev.baton.core.calendar.PublicHolidays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Calendars for tests, built from text as an agreement writes hours ({@code 09:00-12:00, 13:00-17:00}). */
public final class Calendars {

    private Calendars() {}

    /** Monday to Friday with the same hours, no holidays. */
    public static BusinessCalendar weekdays(String zone, String hours) {
        return week(zone, hours, hours, hours, hours, hours, "closed", "closed");
    }

    /** Monday to Friday 09:00-17:00, closed on the given region's holidays. */
    public static BusinessCalendar weekdays(String zone, PublicHolidays holidays) {
        return new BusinessCalendar(
                ZoneId.of(zone),
                hours("09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "closed", "closed"),
                holidays,
                Set.of(),
                Map.of());
    }

    /** Open around the clock, every day. */
    public static BusinessCalendar allWeek(String zone) {
        String always = "00:00-24:00";
        return week(zone, always, always, always, always, always, always, always);
    }

    /** Monday to Sunday, each day's hours in order. */
    public static BusinessCalendar week(String zone, String... days) {
        return new BusinessCalendar(ZoneId.of(zone), hours(days), PublicHolidays.none(), Set.of(), Map.of());
    }

    public static Map<DayOfWeek, DayHours> hours(String... days) {
        var week = new EnumMap<DayOfWeek, DayHours>(DayOfWeek.class);
        for (int i = 0; i < days.length; i++) {
            week.put(DayOfWeek.of(i + 1), day(days[i]));
        }
        return week;
    }

    public static DayHours day(String text) {
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

    public static PublicHolidays holidays(LocalDate... dates) {
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
