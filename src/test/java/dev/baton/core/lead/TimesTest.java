package dev.baton.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aMomentWithAnOffsetIsThatMomentInAnyZone() {
        for (String written : new String[] {
            "2026-11-20T15:00:00Z",
            "2026-11-20T16:00:00+01:00",
            "2026-11-20 16:00:00+01:00",
            "2026-11-20 16:00 +0100",
            "2026-11-20 15:00:00 UTC",
            "2026-11-20T15:00:00.000Z",
            "2026-11-20t15:00z",
        }) {
            assertThat(Times.parse(written, BERLIN)).as(written).hasValue(Instant.parse("2026-11-20T15:00:00Z"));
        }
    }

    @Test
    void aMomentWithoutAnOffsetIsReadInTheZone() {
        assertThat(Times.parse("2026-11-20 16:00", BERLIN)).hasValue(Instant.parse("2026-11-20T15:00:00Z"));
        assertThat(Times.parse("2026-07-20T16:00:30", BERLIN)).hasValue(Instant.parse("2026-07-20T14:00:30Z"));
        assertThat(Times.parse("2026-11-20 9:05", BERLIN)).hasValue(Instant.parse("2026-11-20T08:05:00Z"));
    }

    @Test
    void aBareDateIsTheStartOfItsDayInTheZone() {
        assertThat(Times.parse("2016-10-20", BERLIN)).hasValue(Instant.parse("2016-10-19T22:00:00Z"));
        assertThat(Times.parse("2016/10/20", BERLIN)).hasValue(Instant.parse("2016-10-19T22:00:00Z"));
        assertThat(Times.parse("2016-1-5", ZoneId.of("UTC"))).hasValue(Instant.parse("2016-01-05T00:00:00Z"));
    }

    @Test
    void whatIsNotOneOfTheseFormsIsNotGuessedAt() {
        for (String written : new String[] {
            "11/20/2026", "20.11.2026", "2026-02-30", "2026-11-20 25:00", "yesterday", "2026-11-20T", "",
        }) {
            assertThat(Times.parse(written, BERLIN)).as(written).isEmpty();
        }
    }
}
