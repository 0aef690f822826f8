package dev.baton.adapter.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A file read as UTF-8, strictly: bytes that are not UTF-8 stop the reading with {@link NotUtf8} instead of turning
 * silently into replacement characters; a byte-order mark at the start is skipped.
 */
final class Utf8 {

    private Utf8() {}

    /** Bytes that are not UTF-8. */
    static final class NotUtf8 extends IOException {
        NotUtf8(CharacterCodingException cause) {
            super("it holds bytes that are not UTF-8; save the file as UTF-8", cause);
        }
    }

    static Reader strictly(InputStream in) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new FilterReader(new InputStreamReader(in, decoder)) {
            private boolean started;

            @Override
            public int read() throws IOException {
                char[] one = new char[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                try {
                    int n = super.read(buffer, offset, length);
                    if (!started && n > 0) {
                        started = true;
                        if (buffer[offset] == '\uFEFF') {
                            System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                            return n == 1 ? read(buffer, offset, length) : n - 1;
                        }
                    }
                    return n;
                } catch (CharacterCodingException e) {
                    throw new NotUtf8(e);
                }
            }
        };
    }
}
