package dev.baton.adapter.holidays;

import static dev.baton.testing.Calendars.weekdays;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.calendar.BusinessCalendar;
import dev.baton.core.calendar.PublicHolidays;
import dev.baton.core.calendar.Span;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Public holidays from the holiday library, and business time on calendars that close on them. */
class JollydayHolidaysTest {

    private final JollydayHolidays regions = new JollydayHolidays();

    @Test
    void thanksgivingThursdayIsClosedAndTheFridayAfterIsOpen() {
        BusinessCalendar newYork = weekdays("America/New_York", holidays("US"));
        Instant wednesday = Instant.parse("2026-11-25T21:00:00Z"); // 16:00 EST, the day before Thanksgiving

        assertThat(newYork.isOpen(Instant.parse("2026-11-26T15:00:00Z"))).isFalse();
        assertThat(newYork.plus(wednesday, span("2 business hours"))).isEqualTo("2026-11-27T15:00:00Z"); // Fri 10:00
    }

    @Test
    void christmasAndTheBoxingDayMovedOffSaturdayCloseTheBritishOffice() {
        BusinessCalendar london = weekdays("Europe/London", holidays("GB"));
        Instant christmasEve = Instant.parse("2026-12-24T16:00:00Z"); // Thursday 16:00 GMT

        assertThat(london.isOpen(christmasEve)).isTrue();
        // 25 December is a Friday; 26 December a Saturday, so its bank holiday is Monday the 28th
        assertThat(london.plus(christmasEve, span("2 business hours"))).isEqualTo("2026-12-29T10:00:00Z");
    }

    @Test
    void aSubdivisionAddsItsOwnHolidays() {
        assertThat(holidays("GB-SCT").in(2026)).contains(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 11, 30));
        assertThat(holidays("GB").in(2026)).doesNotContain(LocalDate.of(2026, 1, 2));
        assertThat(holidays("DE-BY").in(2026)).contains(LocalDate.of(2026, 1, 6), LocalDate.of(2026, 6, 4));
        assertThat(holidays("DE").in(2026)).doesNotContain(LocalDate.of(2026, 1, 6));
        // California closes the day after Thanksgiving; the country does not
        assertThat(holidays("US-CA").in(2026))
                .contains(LocalDate.of(2026, 11, 27))
                .containsAll(holidays("US").in(2026));
        assertThat(holidays("US").in(2026)).doesNotContain(LocalDate.of(2026, 11, 27));
    }

    @Test
    void aHolidayObservedInTheYearBeforeItsOwnClosesThatDay() {
        // 1 January 2028 is a Saturday; the federal holiday is observed on Friday 31 December 2027
        assertThat(holidays("US").in(2027)).contains(LocalDate.of(2027, 12, 31));
        assertThat(holidays("US").in(2028)).doesNotContain(LocalDate.of(2028, 1, 1));
    }

    @Test
    void anUnknownRegionIsNotFoundAndItsCountrysSubdivisionsAreOffered() {
        assertThat(regions.region("US-XX")).isEmpty();
        assertThat(regions.region("XX")).isEmpty();
        assertThat(regions.region("us")).isEmpty();
        assertThat(regions.region("NYSE")).isEmpty();
        assertThat(regions.near("US-NYC")).contains("US-NY", "US-CA").hasSize(51);
        assertThat(regions.near("XX-YY")).isEmpty();
    }

    @Test
    void aRegionIsTheSameRegionWhereverItIsRead() {
        assertThat(regions.region("DE-BY")).isEqualTo(new JollydayHolidays().region("DE-BY"));
        assertThat(holidays("DE-BY").region()).isEqualTo("DE-BY");
    }

    private PublicHolidays holidays(String code) {
        return regions.region(code).orElseThrow();
    }

    private static Span span(String text) {
        return Span.parse(text).orElseThrow();
    }
}
