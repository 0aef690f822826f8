package dev.baton.adapter.holidays;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import dev.baton.core.calendar.HolidayRegions;
import dev.baton.core.calendar.PublicHolidays;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Holiday regions as ISO 3166 codes: a country ({@code US}, {@code DE}) or a country and one of its subdivisions
 * ({@code US-NY}, {@code DE-BY}, {@code GB-SCT}), as the jollyday library defines them. A region is closed on its
 * public and bank holidays (on the day it is observed where it moves off a weekend); observances (Valentine's Day,
 * Mother's Day) leave offices open.
 */
public final class JollydayHolidays implements HolidayRegions {

    private static final Pattern CODE = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})*");

    private final Map<String, Optional<PublicHolidays>> regions = new ConcurrentHashMap<>();

    @Override
    public Optional<PublicHolidays> region(String code) {
        return CODE.matcher(code).matches() ? regions.computeIfAbsent(code, JollydayHolidays::load) : Optional.empty();
    }

    @Override
    public List<String> near(String code) {
        String[] parts = code.toUpperCase(Locale.ROOT).split("-", -1);
        Optional<HolidayManager> manager = manager(parts[0]);
        if (manager.isEmpty()) {
            return List.of();
        }
        return manager.get().getCalendarHierarchy().getChildren().keySet().stream()
                .map(child -> parts[0] + "-" + child.toUpperCase(Locale.ROOT))
                .sorted()
                .collect(Collectors.toList());
    }

    private static Optional<PublicHolidays> load(String code) {
        String[] parts = code.split("-");
        Optional<HolidayManager> manager = manager(parts[0]);
        if (manager.isEmpty()) {
            return Optional.empty();
        }
        CalendarHierarchy level = manager.get().getCalendarHierarchy();
        var path = new ArrayList<String>();
        for (int i = 1; i < parts.length; i++) {
            String id = parts[i].toLowerCase(Locale.ROOT);
            level = level.getChildren().get(id);
            if (level == null) {
                return Optional.empty();
            }
            path.add(id);
        }
        return Optional.of(new Region(code, manager.get(), path.toArray(String[]::new)));
    }

    private static Optional<HolidayManager> manager(String country) {
        if (!HolidayManager.getSupportedCalendarCodes().contains(country.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT))));
    }

    /** One region's holidays, computed once per year. */
    private static final class Region implements PublicHolidays {
        private final String code;
        private final HolidayManager manager;
        private final String[] path;
        private final Map<Integer, Set<LocalDate>> years = new ConcurrentHashMap<>();

        Region(String code, HolidayManager manager, String[] path) {
            this.code = code;
            this.manager = manager;
            this.path = path;
        }

        @Override
        public String region() {
            return code;
        }

        @Override
        public Set<LocalDate> in(int year) {
            return years.computeIfAbsent(year, this::compute);
        }

        /** A holiday observed on another day may move into the year before or after its own (1 January on a Saturday). */
        private Set<LocalDate> compute(int year) {
            var closed = new TreeSet<LocalDate>();
            for (Holiday holiday :
                    manager.getHolidays(LocalDate.of(year - 1, 12, 1), LocalDate.of(year + 1, 1, 31), path)) {
                LocalDate day = holiday.getDate();
                if (holiday.getType() != HolidayType.OBSERVANCE && day.getYear() == year) {
                    closed.add(day);
                }
            }
            return Set.copyOf(closed);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Region region && region.code.equals(code);
        }

        @Override
        public int hashCode() {
            return code.hashCode();
        }

        @Override
        public String toString() {
            return code;
        }
    }
}
