package dev.baton.adapter.api;

/** An import that applied nothing, because its header or (all-or-nothing) some of its rows are wrong. */
final class InvalidImport extends RuntimeException {

    private final ImportView report;

    InvalidImport(ImportView report) {
        super(
                report.rows() == 0 && report.rejected() == 0
                        ? "nothing was imported: the header has problems"
                        : "nothing was imported: " + report.rejected() + " of " + report.rows()
                                + " rows have errors; fix them, or import with mode=valid-rows to apply the others");
        this.report = report;
    }

    ImportView report() {
        return report;
    }
}
