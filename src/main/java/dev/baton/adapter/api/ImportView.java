package dev.baton.adapter.api;

import dev.baton.adapter.csv.ImportReport;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An import's report as the API shows it. */
record ImportView(
        String kind,
        String mode,
        boolean dryRun,
        boolean refused,
        long rows,
        long applied,
        long rejected,
        List<ErrorView> errors,
        long errorCount,
        Map<String, Long> counts,
        List<String> notes) {

    /** One error: its line, the 1-based column when one is to blame, the column's name, and what is wrong. */
    record ErrorView(long line, @Nullable Integer column, String field, String message) {}

    static ImportView of(ImportReport report) {
        return new ImportView(
                report.kind(),
                report.mode().word(),
                report.dryRun(),
                report.refused(),
                report.rows(),
                report.applied(),
                report.rejected(),
                report.errors().stream()
                        .map(e -> new ErrorView(e.line(), e.column().orElse(null), e.field(), e.message()))
                        .toList(),
                report.errorCount(),
                report.counts(),
                report.notes());
    }
}
