package dev.baton.core.calendar;

import java.time.LocalDate;
import java.util.Set;

/** The public holidays of one region, year by year: the days its offices are closed. */
public interface PublicHolidays {

    /** The region's code as an agreement writes it, {@code US-NY} or {@code GB}; "none" when there is none. */
    String region();

    /** The days of the year the region's offices are closed (a holiday's observed day where it moves). */
    Set<LocalDate> in(int year);

    static PublicHolidays none() {
        return None.INSTANCE;
    }

    /** No public holidays at all. */
    enum None implements PublicHolidays {
        INSTANCE;

        @Override
        public String region() {
            return "none";
        }

        @Override
        public Set<LocalDate> in(int year) {
            return Set.of();
        }
    }
}
