package dev.baton.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.scoring.ScoringTrace;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoringTraceCodecTest {

    @Test
    void anyTraceReadsBackEqual() {
        var random = new Random(7);
        for (int run = 0; run < 500; run++) {
            int words = 1 + random.nextInt(3);
            int size = random.nextInt(80);
            var at = new Instant[size];
            var matches = new long[size * words];
            // from before 1970 to the far future, some at the same microsecond
            long micros = random.nextLong(-2_000_000_000_000_000L, 4_000_000_000_000_000L);
            for (int i = 0; i < size; i++) {
                micros += random.nextInt(4) == 0 ? 0 : random.nextLong(1, 90L * 24 * 3600 * 1_000_000);
                at[i] = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
                for (int w = 0; w < words; w++) {
                    matches[i * words + w] = random.nextBoolean() ? random.nextLong() : 1L << random.nextInt(64);
                }
            }
            var trace = new ScoringTrace(random.nextLong(), words, at, matches);

            assertThat(ScoringTraceCodec.decode(ScoringTraceCodec.encode(trace)))
                    .contains(trace);
        }
    }

    @Test
    void aMonthOfPageViewsTakesAboutSevenBytesEach() {
        int size = 70;
        var at = new Instant[size];
        var matches = new long[size];
        Instant start = Instant.parse("2026-10-20T09:00:00.123456Z");
        for (int i = 0; i < size; i++) {
            at[i] = start.plus(i * 10, ChronoUnit.HOURS);
            matches[i] = 0b100001;
        }

        byte[] bytes = ScoringTraceCodec.encode(new ScoringTrace(42, 1, at, matches));

        assertThat(bytes.length).isLessThanOrEqualTo(16 + size * 7);
    }

    @Test
    void bytesThatAreNoTraceReadAsNone() {
        var trace = new ScoringTrace(9, 1, new Instant[] {Instant.parse("2026-11-01T00:00:00Z")}, new long[] {3});
        byte[] bytes = ScoringTraceCodec.encode(trace);

        assertThat(ScoringTraceCodec.decode(null)).isEmpty();
        assertThat(ScoringTraceCodec.decode(new byte[0])).isEmpty();
        assertThat(ScoringTraceCodec.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isEmpty();
        assertThat(ScoringTraceCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)))
                .isEmpty();
        byte[] otherFormat = bytes.clone();
        otherFormat[0] = 2;
        assertThat(ScoringTraceCodec.decode(otherFormat)).isEmpty();
    }
}
