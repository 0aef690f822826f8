package dev.baton.adapter.csv;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** CSV text read the way an import reads it, for tests of headers and rows. */
final class CsvFixtures {

    static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    private CsvFixtures() {}

    static List<CsvRecord> records(String csv) {
        return CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(csv).stream()
                .toList();
    }

    static Header header(Columns columns, String csv, Map<String, String> renames) {
        return Header.read(records(csv).get(0), columns, renames);
    }

    /** The data rows of a file, read against its header, which must be valid. */
    static List<Row> rows(Columns columns, String csv) {
        List<CsvRecord> records = records(csv);
        Header header = Header.read(records.get(0), columns, Map.of());
        if (!header.problems().isEmpty()) {
            throw new IllegalArgumentException("the header has problems: " + header.problems());
        }
        return records.subList(1, records.size()).stream()
                .map(record -> header.row(record, NOW))
                .toList();
    }

    static Row row(Columns columns, String csv) {
        return rows(columns, csv).get(0);
    }
}
