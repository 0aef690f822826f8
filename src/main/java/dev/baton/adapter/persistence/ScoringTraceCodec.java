package dev.baton.adapter.persistence;

import dev.baton.core.scoring.ScoringTrace;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;

/**
 * A scoring trace as bytes, kept small because it is rewritten with every event: format version (1 byte), the rules
 * fingerprint (8 bytes), the words of rule bits per entry, the number of entries, then per entry the microseconds
 * since the previous entry (since the epoch for the first) and its words of rule bits — every number but the
 * fingerprint as an unsigned LEB128 varint. A month of page views takes about 7 bytes each. Microseconds are what
 * PostgreSQL keeps of an event's time, so a trace read back scores exactly as the events would.
 */
final class ScoringTraceCodec {

    private static final int FORMAT = 1;

    private ScoringTraceCodec() {}

    static byte[] encode(ScoringTrace trace) {
        int words = trace.words();
        var bytes = new ByteArrayOutputStream(16 + trace.size() * (6 + words));
        bytes.write(FORMAT);
        long rules = trace.rules();
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes.write((int) (rules >>> shift));
        }
        varint(bytes, words);
        varint(bytes, trace.size());
        long previous = 0;
        for (int i = 0; i < trace.size(); i++) {
            Instant at = trace.at(i);
            long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
            varint(bytes, i == 0 ? zigzag(micros) : micros - previous);
            previous = micros;
            for (int w = 0; w < words; w++) {
                varint(bytes, trace.word(i, w));
            }
        }
        return bytes.toByteArray();
    }

    /** The trace, or none when the bytes are absent or not a trace this version of Baton can read. */
    static Optional<ScoringTrace> decode(byte[] stored) {
        if (stored == null || stored.length < 1 || stored[0] != FORMAT) {
            return Optional.empty();
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(stored, 1, stored.length - 1);
            long rules = bytes.getLong();
            int words = (int) varint(bytes);
            int size = (int) varint(bytes);
            if (words < 1 || size < 0 || size > stored.length) {
                return Optional.empty();
            }
            var at = new Instant[size];
            var matches = new long[size * words];
            long micros = 0;
            for (int i = 0; i < size; i++) {
                long delta = varint(bytes);
                micros = i == 0 ? unzigzag(delta) : micros + delta;
                at[i] = Instant.ofEpochSecond(
                        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
                for (int w = 0; w < words; w++) {
                    matches[i * words + w] = varint(bytes);
                }
            }
            if (bytes.hasRemaining()) {
                return Optional.empty();
            }
            return Optional.of(new ScoringTrace(rules, words, at, matches));
        } catch (BufferUnderflowException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static void varint(ByteArrayOutputStream bytes, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            bytes.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        bytes.write((int) rest);
    }

    private static long varint(ByteBuffer bytes) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = bytes.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a varint longer than 64 bits");
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }
}
