package dev.baton.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * COPY straight into Baton's tables, past Baton: the floor the API is measured against, and the quick way to a large
 * data set. Nothing else may insert into a table while rows are copied into it, so that its new ids are contiguous.
 */
final class BulkLoad {

    private static final int CHUNK_CHARS = 1 << 20;
    private static final String EVENTS = "engagement_event";

    private final Connection db;
    private final CopyManager copy;

    BulkLoad(Connection db) throws SQLException {
        this.db = db;
        this.copy = db.unwrap(PGConnection.class).getCopyAPI();
    }

    /** Writes row {@code index} of a COPY in PostgreSQL's text format. */
    interface RowWriter {
        void write(long index, StringBuilder out);
    }

    /** The ids given to the rows of one COPY. */
    record Ids(long first, long count) {
        long get(long index) {
            return first + index;
        }
    }

    long copy(String table, String columns, long rows, RowWriter writer) throws SQLException {
        CopyIn in = copy.copyIn("copy " + table + " (" + columns + ") from stdin");
        try {
            var buffer = new StringBuilder(CHUNK_CHARS + 4096);
            for (long i = 0; i < rows; i++) {
                writer.write(i, buffer);
                if (buffer.length() >= CHUNK_CHARS) {
                    flush(in, buffer);
                }
            }
            flush(in, buffer);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void flush(CopyIn in, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Copies rows into a table whose id is an identity column and returns the ids they were given. */
    Ids copyWithIds(String table, String columns, long rows, RowWriter writer) throws SQLException {
        long before = single("select coalesce(max(id), 0) from " + table);
        copy(table, columns, rows, writer);
        long first = single("select min(id) from " + table + " where id > " + before);
        long last = single("select max(id) from " + table + " where id > " + before);
        if (last - first + 1 != rows) {
            throw new IllegalStateException(table + " ids " + first + ".." + last + " are not contiguous");
        }
        return new Ids(first, rows);
    }

    /** Companies, then leads spread over them; returns the leads' ids. */
    Ids companiesAndLeads(SyntheticData data, long leads, long companies, String tag) throws SQLException {
        Ids company = copyWithIds(
                "company", SyntheticData.COMPANY_COLUMNS, companies, (n, out) -> data.appendCompanyRow(out, n, tag));
        return copyWithIds(
                "lead",
                SyntheticData.LEAD_COLUMNS,
                leads,
                (n, out) -> data.appendLeadRow(out, n, n % companies, company.get(n % companies), tag));
    }

    /** Events about random leads of a range, up to {@code spread} old; returns the rows copied. */
    long randomEvents(SyntheticData data, Ids leads, long events, Duration spread, String tag, Instant receivedAt)
            throws SQLException {
        return copy(
                EVENTS,
                SyntheticData.Event.COPY_COLUMNS,
                events,
                (n, out) -> data.event(tag + "-" + n, leads.get(data.nextInt((int) leads.count())), spread)
                        .appendCopyRow(out, receivedAt));
    }

    /** Copies {@code count} events made by {@code events}, made before the clock starts; returns events per second. */
    double copyRate(long count, LongFunction<SyntheticData.Event> events, Instant receivedAt) throws SQLException {
        var rows = new ByteArrayOutputStream();
        var buffer = new StringBuilder(CHUNK_CHARS + 4096);
        for (long n = 0; n < count; n++) {
            events.apply(n).appendCopyRow(buffer, receivedAt);
            if (buffer.length() >= CHUNK_CHARS || n == count - 1) {
                rows.writeBytes(buffer.toString().getBytes(StandardCharsets.UTF_8));
                buffer.setLength(0);
            }
        }
        long start = System.nanoTime();
        try {
            copy.copyIn(
                    "copy " + EVENTS + " (" + SyntheticData.Event.COPY_COLUMNS + ") from stdin",
                    new ByteArrayInputStream(rows.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    long single(String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
