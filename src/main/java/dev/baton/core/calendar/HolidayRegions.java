package dev.baton.core.calendar;

import java.util.List;
import java.util.Optional;

/** Where public holidays come from: a holiday library, by country and subdivision ({@code US}, {@code DE-BY}). */
public interface HolidayRegions {

    /** The holidays of a region, or empty when the code names no region the library knows. */
    Optional<PublicHolidays> region(String code);

    /** Region codes close to one that is not known, for a "did you mean" in an error message; maybe none. */
    List<String> near(String code);
}
