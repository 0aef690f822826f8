package dev.baton.adapter.persistence;

import dev.baton.core.scoring.ScoringTrace;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A scoring trace as bytes, big-endian: the rules fingerprint (8 bytes), the words of rule bits per entry (2 bytes),
 * then per entry its time in microseconds since the epoch (8 bytes) and its rule bits (8 bytes a word). Microseconds
 * are what PostgreSQL keeps of an event's time, so a trace read back scores exactly as the events would.
 */
final class ScoringTraceCodec {

    private static final int HEADER = Long.BYTES + Short.BYTES;

    private ScoringTraceCodec() {}

    static byte[] encode(ScoringTrace trace) {
        int words = trace.words();
        ByteBuffer bytes = ByteBuffer.allocate(HEADER + trace.size() * Long.BYTES * (1 + words));
        bytes.putLong(trace.rules()).putShort((short) words);
        for (int i = 0; i < trace.size(); i++) {
            bytes.putLong(ChronoUnit.MICROS.between(Instant.EPOCH, trace.at(i)));
            for (int w = 0; w < words; w++) {
                bytes.putLong(trace.word(i, w));
            }
        }
        return bytes.array();
    }

    /** The trace, or none when the bytes are absent or not a trace this version of Baton can read. */
    static Optional<ScoringTrace> decode(byte[] stored) {
        if (stored == null || stored.length < HEADER) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(stored);
        long rules = bytes.getLong();
        int words = bytes.getShort();
        int entryBytes = Long.BYTES * (1 + words);
        if (words < 1 || (stored.length - HEADER) % entryBytes != 0) {
            return Optional.empty();
        }
        int size = (stored.length - HEADER) / entryBytes;
        try {
            return Optional.of(read(bytes, rules, words, size));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static ScoringTrace read(ByteBuffer bytes, long rules, int words, int size) {
        var at = new Instant[size];
        var matches = new long[size * words];
        for (int i = 0; i < size; i++) {
            at[i] = Instant.EPOCH.plus(bytes.getLong(), ChronoUnit.MICROS);
            for (int w = 0; w < words; w++) {
                matches[i * words + w] = bytes.getLong();
            }
        }
        return new ScoringTrace(rules, words, at, matches);
    }
}
