package dev.baton.adapter.csv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an import did, or in a dry run would do: whether it was refused (and so applied nothing), rows read, applied
 * and rejected, the first thousand errors with their total, counts of what happened (created, stored, …), and notes on
 * how the file was read (columns kept as attributes or read past).
 */
public record ImportReport(
        String kind,
        CsvImport.Mode mode,
        boolean dryRun,
        boolean refused,
        long rows,
        long applied,
        long rejected,
        List<RowError> errors,
        long errorCount,
        Map<String, Long> counts,
        List<String> notes) {

    public ImportReport {
        errors = List.copyOf(errors);
        notes = List.copyOf(notes);
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /**
     * One problem: its 1-based line (the header is line 1), the 1-based column when one is to blame, the column as the
     * file names it, and what is wrong.
     */
    public record RowError(long line, Optional<Integer> column, String field, String message) {}

    /** Whether the import's writes are to be kept. */
    boolean keeps() {
        return !dryRun && !refused && applied > 0;
    }
}
