package dev.baton.adapter.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.Transactions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;

/**
 * One import, read in a single pass: the header, then each row parsed and queued, and the queue applied a chunk at a
 * time in a savepoint, so that a row failing in the core or the database undoes only its own chunk. A failed chunk is
 * applied again a row at a time, to name each failing row and keep the others.
 */
final class ImportRun<T> {

    static final int MAX_ERRORS = 1000;
    /** The most fields the CSV reader takes in one line before it gives up. */
    private static final int MAX_FIELDS = 16_384;

    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private final CsvImport.Kind kind;
    private final Rows<T> rows;
    private final CsvImport.Options options;
    private final Transactions transactions;
    private final Instant now;
    private final CsvImport.Progress progress;

    private final List<Rows.Parsed<T>> pending = new ArrayList<>();
    private final List<ImportReport.RowError> errors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Tally tally;
    private long errorCount;
    private long read;
    private long applied;
    private long rejected;
    private long lastLine = 1;

    ImportRun(
            CsvImport.Kind kind,
            Rows<T> rows,
            CsvImport.Options options,
            Transactions transactions,
            Instant now,
            CsvImport.Progress progress) {
        this.kind = kind;
        this.rows = rows;
        this.options = options;
        this.transactions = transactions;
        this.now = now;
        this.progress = progress;
        this.tally = new Tally(kind.counts());
    }

    ImportReport read(InputStream body) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowUnclosedQuote(false)
                .ofCsvRecord(Utf8.strictly(body))) {
            Iterator<CsvRecord> records = reader.iterator();
            Optional<CsvRecord> first;
            try {
                first = records.hasNext() ? Optional.of(records.next()) : Optional.empty();
            } catch (CsvParseException | UncheckedIOException e) {
                rethrowUnlessTheFile(e);
                String why = String.valueOf(e.getMessage()).contains("maximum limit of")
                        ? "the header has more than " + MAX_FIELDS + " columns; an import takes at most "
                                + Header.MAX_COLUMNS
                        : "the header is not valid CSV: " + describe(e);
                error(new ImportReport.RowError(1, Optional.empty(), "", why));
                drain(body);
                return report(true);
            }
            if (first.isEmpty()) {
                error(new ImportReport.RowError(
                        1, Optional.empty(), "", "the file is empty; its first line names the columns"));
                return report(true);
            }
            Header header =
                    Header.read(first.get(), kind.columns(), options.renames(), options.unknown(), options.zone());
            notes.addAll(header.notes());
            if (!header.problems().isEmpty()) {
                header.problems().forEach(this::error);
                drain(body);
                return report(true);
            }
            readRows(records, header, body);
            return report(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readRows(Iterator<CsvRecord> records, Header header, InputStream body) {
        try {
            while (records.hasNext()) {
                take(header, header.row(records.next(), now));
            }
            flush(header);
            if (applied > 0 && !(options.mode() == CsvImport.Mode.ALL_OR_NOTHING && errorCount > 0)) {
                Tally finished = new Tally(kind.counts());
                transactions.inSavepoint(() -> {
                    rows.finish(options, finished);
                    return 0;
                });
                tally.addAll(finished);
            }
        } catch (CsvParseException | UncheckedIOException e) {
            rethrowUnlessTheFile(e);
            flush(header);
            long line = lineOf(e);
            read++;
            rejected++;
            error(new ImportReport.RowError(
                    line, Optional.empty(), "", "the file is not valid CSV from here on: " + describe(e)));
            drain(body);
        }
    }

    private void take(Header header, Row row) {
        lastLine = row.line();
        if (row.isBlank()) {
            return;
        }
        read++;
        Optional<T> value = row.hasErrors() ? Optional.empty() : rows.parse(row);
        if (row.hasErrors() || value.isEmpty()) {
            reject(row.errors());
            return;
        }
        pending.add(new Rows.Parsed<>(row.line(), value.get()));
        if (pending.size() >= rows.chunkSize()) {
            flush(header);
        }
    }

    private void flush(Header header) {
        if (pending.isEmpty()) {
            return;
        }
        List<Rows.Parsed<T>> chunk = List.copyOf(pending);
        pending.clear();
        Optional<RuntimeException> failure = attempt(chunk);
        if (failure.isPresent() && chunk.size() == 1) {
            reject(List.of(describe(header, chunk.get(0).line(), failure.get())));
        } else if (failure.isPresent()) {
            for (Rows.Parsed<T> row : chunk) {
                attempt(List.of(row)).ifPresent(f -> reject(List.of(describe(header, row.line(), f))));
            }
        }
    }

    /** Applies the rows in a savepoint; the failure, if they did not all apply. */
    private Optional<RuntimeException> attempt(List<Rows.Parsed<T>> chunk) {
        Tally counted = new Tally(kind.counts());
        try {
            transactions.inSavepoint(() -> {
                rows.apply(chunk, counted);
                return chunk.size();
            });
        } catch (BatonException | RowFailure | DataAccessException e) {
            return Optional.of(e);
        }
        tally.addAll(counted);
        applied += chunk.size();
        progress.applied(kind.name(), applied - chunk.size(), applied);
        return Optional.empty();
    }

    private void reject(List<ImportReport.RowError> rowErrors) {
        rejected++;
        rowErrors.forEach(this::error);
    }

    private void error(ImportReport.RowError error) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(error);
        }
    }

    /** A failure of the core or the database as an error of the row, naming the column it is about. */
    private ImportReport.RowError describe(Header header, long line, RuntimeException failure) {
        Optional<String> column = Optional.empty();
        String message = failure.getMessage();
        if (failure instanceof RowFailure row) {
            column = Optional.of(row.column());
        } else if (failure instanceof BatonException.Invalid invalid) {
            column = Optional.of(kind.columns().columnOf(invalid.field()));
        } else if (failure instanceof BatonException.NotFound notFound) {
            column = Optional.of(notFound.field().map(kind.columns()::columnOf).orElse("lead_id"));
        } else if (failure instanceof BatonException.IllegalTransition) {
            column = Optional.of("stage").filter(kind.columns().required()::contains);
        } else if (failure instanceof DataAccessException data) {
            message = "the database refused the row: "
                    + data.getMostSpecificCause().getMessage();
        }
        return header.error(line, column.orElse(""), String.valueOf(message));
    }

    private ImportReport report(boolean headerBroken) {
        boolean refused = headerBroken || options.mode() == CsvImport.Mode.ALL_OR_NOTHING && errorCount > 0;
        Map<String, Long> counts = refused ? new Tally(kind.counts()).counts() : tally.counts();
        return new ImportReport(
                kind.name(),
                options.mode(),
                options.dryRun(),
                refused,
                read,
                refused ? 0 : applied,
                rejected,
                errors,
                errorCount,
                counts,
                notes);
    }

    /** A connection that broke is no fault of the file's. */
    private static void rethrowUnlessTheFile(RuntimeException e) {
        if (e instanceof UncheckedIOException io && !(io.getCause() instanceof Utf8.NotUtf8)) {
            throw io;
        }
    }

    private long lineOf(RuntimeException e) {
        Matcher m = LINE.matcher(String.valueOf(e.getMessage()));
        return m.find() && e instanceof CsvParseException ? Long.parseLong(m.group(1)) : lastLine + 1;
    }

    private static String describe(RuntimeException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return String.valueOf(cause.getMessage());
    }

    /** Reads the rest of the body, so that the client, still sending, gets the answer rather than a reset. */
    private static void drain(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
