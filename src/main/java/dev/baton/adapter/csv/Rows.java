package dev.baton.adapter.csv;

import java.util.List;
import java.util.Optional;

/**
 * How one kind of row is read and applied, for the length of one import: a row is parsed (noting its errors on the
 * row) into a value, and values are applied a chunk at a time inside one savepoint.
 */
interface Rows<T> {

    Optional<T> parse(Row row);

    /** Applies every value of the chunk, counting what happened; throws on the first one that fails. */
    void apply(List<Parsed<T>> chunk, Tally tally);

    /**
     * Called once every row has been applied (and only then), in the import's transaction: work that needs the whole
     * file, such as routing the MQLs a file of past stage changes leaves waiting.
     */
    default void finish(CsvImport.Options options, Tally tally) {}

    default int chunkSize() {
        return 100;
    }

    /** A row's value and the line it came from. */
    record Parsed<T>(long line, T value) {}
}
