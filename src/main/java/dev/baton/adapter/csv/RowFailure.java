package dev.baton.adapter.csv;

/** A row that parsed but cannot be applied, such as one naming an email no lead has; names the column to blame. */
final class RowFailure extends RuntimeException {

    private final String column;

    RowFailure(String column, String message) {
        super(message);
        this.column = column;
    }

    String column() {
        return column;
    }
}
