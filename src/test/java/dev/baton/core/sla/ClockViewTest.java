package dev.baton.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClockViewTest {

    private static ClockView left(Duration left) {
        Instant at = Instant.parse("2026-12-02T13:00:00Z");
        return new ClockView(
                "first-touch",
                1,
                Optional.of("alex.kim@northwind.example"),
                "2h",
                at,
                at.plusSeconds(7200),
                "2026-12-02 10:00 America/New_York",
                "running",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                left,
                Optional.empty());
    }

    @Test
    void theTimeLeftReadsToTheMinute() {
        assertThat(left(Duration.parse("PT1H45M26.978304S")).describe())
                .isEqualTo("first-touch by 2026-12-02 10:00 America/New_York: running, 1h45m of business time left");
        assertThat(left(Duration.ofHours(4)).describe()).endsWith("running, 4h of business time left");
        assertThat(left(Duration.ofMinutes(7)).describe()).endsWith("running, 7m of business time left");
        assertThat(left(Duration.ofHours(80)).describe()).endsWith("running, 80h of business time left");
        assertThat(left(Duration.ofSeconds(12)).describe())
                .endsWith("running, less than a minute of business time left");
        assertThat(left(Duration.ZERO).describe()).endsWith(": running");
    }
}
