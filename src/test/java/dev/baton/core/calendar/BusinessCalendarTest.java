package dev.baton.core.calendar;

import static dev.baton.testing.Calendars.allWeek;
import static dev.baton.testing.Calendars.day;
import static dev.baton.testing.Calendars.holidays;
import static dev.baton.testing.Calendars.hours;
import static dev.baton.testing.Calendars.week;
import static dev.baton.testing.Calendars.weekdays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Business time on examples whose answers are worked out by hand, each written as the UTC instant a clock on the
 * wall of that office would show, so that the expected value does not come from the code under test.
 */
class BusinessCalendarTest {

    private static final BusinessCalendar NEW_YORK = weekdays("America/New_York", "09:00-17:00");
    private static final BusinessCalendar LONDON = weekdays("Europe/London", "09:00-17:00");

    @Test
    void aLeadAssignedFridayAtHalfPastFourHasTheRestOfFridayAndThenMonday() {
        Instant friday = Instant.parse("2026-10-09T20:30:00Z"); // 16:30 EDT

        assertThat(NEW_YORK.plus(friday, span("4 business hours"))).isEqualTo("2026-10-12T16:30:00Z"); // Mon 12:30
        assertThat(NEW_YORK.plus(friday, span("1 business day"))).isEqualTo("2026-10-12T20:30:00Z"); // Mon 16:30
        assertThat(NEW_YORK.between(friday, Instant.parse("2026-10-12T16:30:00Z")))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aSplitDayPausesForLunch() {
        var calendar = weekdays("America/New_York", "09:00-12:00, 13:00-17:00");
        Instant elevenOclock = Instant.parse("2026-10-05T15:00:00Z"); // Monday 11:00 EDT
        Instant lunch = Instant.parse("2026-10-05T16:30:00Z"); // 12:30

        assertThat(calendar.plus(elevenOclock, span("2 business hours"))).isEqualTo("2026-10-05T18:00:00Z"); // 14:00
        assertThat(calendar.isOpen(lunch)).isFalse();
        assertThat(calendar.nextOpening(lunch)).isEqualTo("2026-10-05T17:00:00Z"); // 13:00
        assertThat(calendar.between(elevenOclock, Instant.parse("2026-10-05T18:00:00Z")))
                .isEqualTo(Duration.ofHours(2));
        // a business day from 12:30 starts at 13:00 and ends at 13:00 on Tuesday
        assertThat(calendar.plus(lunch, span("1 business day"))).isEqualTo("2026-10-06T17:00:00Z");
    }

    @Test
    void springForwardInNewYorkMovesMondaysOpeningByAnHourInUtc() {
        Instant friday = Instant.parse("2026-03-06T21:00:00Z"); // Friday 16:00 EST; clocks change Sunday 8 March

        assertThat(NEW_YORK.plus(friday, span("2 business hours"))).isEqualTo("2026-03-09T14:00:00Z"); // Mon 10:00 EDT
        var always = allWeek("America/New_York");
        Instant saturdayNoon = Instant.parse("2026-03-07T17:00:00Z"); // 12:00 EST
        Instant sundayNoon = Instant.parse("2026-03-08T16:00:00Z"); // 12:00 EDT
        assertThat(always.between(saturdayNoon, sundayNoon)).isEqualTo(Duration.ofHours(23));
        assertThat(always.plus(saturdayNoon, span("24 business hours"))).isEqualTo("2026-03-08T17:00:00Z");
    }

    @Test
    void fallBackInLondonGivesTheNightAnHourMore() {
        Instant friday = Instant.parse("2026-10-23T15:30:00Z"); // Friday 16:30 BST; clocks go back Sunday 25 October

        assertThat(LONDON.plus(friday, span("1 business hour"))).isEqualTo("2026-10-26T09:30:00Z"); // Mon 09:30 GMT
        var always = allWeek("Europe/London");
        Instant saturdayNoon = Instant.parse("2026-10-24T11:00:00Z"); // 12:00 BST
        Instant sundayNoon = Instant.parse("2026-10-25T12:00:00Z"); // 12:00 GMT
        assertThat(always.between(saturdayNoon, sundayNoon)).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void springForwardInLondonIsOnTheLastSundayOfMarch() {
        Instant friday = Instant.parse("2026-03-27T16:00:00Z"); // Friday 16:00 GMT; clocks go forward 29 March

        assertThat(LONDON.plus(friday, span("2 business hours"))).isEqualTo("2026-03-30T09:00:00Z"); // Mon 10:00 BST
    }

    @Test
    void theYearEndsOnAClosedDateAndTheSpanGoesOnInTheNewYear() {
        var calendar = new BusinessCalendar(
                ZoneId.of("America/New_York"),
                hours("09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "closed", "closed"),
                PublicHolidays.none(),
                Set.of(LocalDate.of(2027, 1, 1)),
                Map.of());
        Instant newYearsEve = Instant.parse("2026-12-31T21:00:00Z"); // Thursday 16:00 EST

        assertThat(calendar.plus(newYearsEve, span("2 business hours"))).isEqualTo("2027-01-04T15:00:00Z"); // Mon 10:00
        assertThat(calendar.plus(newYearsEve, span("1 business day"))).isEqualTo("2027-01-04T21:00:00Z"); // Mon 16:00
    }

    @Test
    void aHalfDayClosesEarly() {
        var calendar = new BusinessCalendar(
                ZoneId.of("Europe/London"),
                hours("09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "closed", "closed"),
                PublicHolidays.none(),
                Set.of(LocalDate.of(2026, 12, 25)),
                Map.of(LocalDate.of(2026, 12, 24), day("09:00-13:00")));
        Instant christmasEveNoon = Instant.parse("2026-12-24T12:00:00Z"); // Thursday 12:00 GMT

        assertThat(calendar.isOpen(Instant.parse("2026-12-24T14:00:00Z"))).isFalse();
        assertThat(calendar.plus(christmasEveNoon, span("2 business hours"))).isEqualTo("2026-12-28T10:00:00Z");
        // a business day from Wednesday 16:00 ends where the half day's hours end
        assertThat(calendar.plus(Instant.parse("2026-12-23T16:00:00Z"), span("1 business day")))
                .isEqualTo("2026-12-24T13:00:00Z");
    }

    @Test
    void aRepInLondonWorksTheAgreementsHoursOnLondonsClock() {
        Instant assigned = Instant.parse("2026-10-05T15:00:00Z"); // Monday 11:00 in New York, 16:00 in London
        BusinessCalendar rep = NEW_YORK.inZone(ZoneId.of("Europe/London"));

        assertThat(rep.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(rep.plus(assigned, span("2 business hours"))).isEqualTo("2026-10-06T09:00:00Z"); // Tue 10:00 BST
        assertThat(NEW_YORK.plus(assigned, span("2 business hours"))).isEqualTo("2026-10-05T17:00:00Z"); // Mon 13:00
    }

    @Test
    void aBusinessDayFromAClosedMomentCountsFromTheNextOpening() {
        Instant saturday = Instant.parse("2026-10-10T14:00:00Z");

        assertThat(NEW_YORK.plus(saturday, span("1 business day"))).isEqualTo("2026-10-13T13:00:00Z"); // Tue 09:00
    }

    @Test
    void aShortFridayEndsABusinessDayAtItsClose() {
        var calendar = week(
                "Europe/Berlin",
                "08:30-17:30",
                "08:30-17:30",
                "08:30-17:30",
                "08:30-17:30",
                "08:30-15:00",
                "closed",
                "closed");
        Instant thursday = Instant.parse("2026-10-08T14:00:00Z"); // 16:00 CEST

        assertThat(calendar.plus(thursday, span("1 business day"))).isEqualTo("2026-10-09T13:00:00Z"); // Fri 15:00
    }

    @Test
    void aBusinessWeekIsAsManyBusinessDaysAsTheWeekHasOpenDays() {
        Instant wednesday = Instant.parse("2026-10-07T14:00:00Z"); // 10:00 EDT

        assertThat(NEW_YORK.plus(wednesday, span("1 business week"))).isEqualTo("2026-10-14T14:00:00Z");
        assertThat(NEW_YORK.plus(wednesday, span("1 business week")))
                .isEqualTo(NEW_YORK.plus(wednesday, span("5 business days")));
    }

    @Test
    void aWallClockSpanIgnoresTheHours() {
        Instant friday = Instant.parse("2026-10-09T20:30:00Z");

        assertThat(NEW_YORK.plus(friday, span("24h"))).isEqualTo(friday.plus(Duration.ofHours(24)));
        assertThat(NEW_YORK.plus(friday, span("2d"))).isEqualTo(friday.plus(Duration.ofHours(48)));
    }

    @Test
    void aReminderAnHourBeforeAMondayMorningDeadlineFallsOnFridayAfternoon() {
        Instant mondayTen = Instant.parse("2026-10-12T14:00:00Z"); // 10:00 EDT

        assertThat(NEW_YORK.minus(mondayTen, span("2 business hours"))).isEqualTo("2026-10-09T20:00:00Z"); // Fri 16:00
        assertThat(NEW_YORK.minus(mondayTen, span("1 business day"))).isEqualTo("2026-10-09T14:00:00Z"); // Fri 10:00
        assertThat(NEW_YORK.minus(mondayTen, span("1h"))).isEqualTo("2026-10-12T13:00:00Z");
    }

    @Test
    void betweenBackwardsIsNegative() {
        Instant monday = Instant.parse("2026-10-05T14:00:00Z");
        Instant tuesday = Instant.parse("2026-10-06T14:00:00Z");

        assertThat(NEW_YORK.between(tuesday, monday)).isEqualTo(Duration.ofHours(-8));
    }

    @Test
    void aCalendarThatNeverOpensIsRefused() {
        assertThatThrownBy(() -> weekdays("UTC", "closed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one open weekday");
    }

    @Test
    void aSplitDayWhosePartsOverlapIsRefused() {
        assertThatThrownBy(() -> day("09:00-13:00, 12:00-17:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("09:00-13:00 and 12:00-17:00 overlap");
    }

    @Test
    void holidaysCloseTheirDay() {
        var calendar = new BusinessCalendar(
                ZoneOffset.UTC,
                hours("09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "closed", "closed"),
                holidays(LocalDate.of(2026, 10, 12)),
                Set.of(),
                Map.of());

        assertThat(calendar.isOpen(LocalDateTime.parse("2026-10-12T10:00").toInstant(ZoneOffset.UTC)))
                .isFalse();
        assertThat(calendar.plus(Instant.parse("2026-10-09T16:00:00Z"), span("2 business hours")))
                .isEqualTo("2026-10-13T10:00:00Z");
    }

    private static Span span(String text) {
        return Span.parse(text).orElseThrow();
    }
}
