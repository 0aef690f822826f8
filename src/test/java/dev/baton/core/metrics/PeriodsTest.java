package dev.baton.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static double months(String first, String last) {
        return Periods.months(
                LocalDate.parse(first).atStartOfDay(NEW_YORK).toInstant(),
                LocalDate.parse(last).plusDays(1).atStartOfDay(NEW_YORK).toInstant(),
                NEW_YORK);
    }

    @Test
    void aWholeMonthIsOneWhateverItsLengthOrItsDaylightSavingChange() {
        assertThat(months("2026-03-01", "2026-03-31")).isEqualTo(1.0);
        assertThat(months("2026-02-01", "2026-02-28")).isEqualTo(1.0);
        assertThat(months("2026-01-01", "2026-12-31")).isEqualTo(12.0);
    }

    @Test
    void aPartMonthCountsTheShareOfItsDays() {
        assertThat(months("2026-04-01", "2026-04-15")).isEqualTo(0.5);
        assertThat(months("2026-03-17", "2026-04-15")).isCloseTo(15.0 / 31 + 0.5, within(1e-12));
    }

    @Test
    void weeksAreDaysOverSeven() {
        assertThat(Periods.weeks(
                        LocalDate.parse("2026-03-02").atStartOfDay(NEW_YORK).toInstant(),
                        LocalDate.parse("2026-03-16").atStartOfDay(NEW_YORK).toInstant(),
                        NEW_YORK))
                .isEqualTo(2.0);
    }
}
