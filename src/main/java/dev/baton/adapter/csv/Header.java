package dev.baton.adapter.csv;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The header row: for each position the column as the file names it and the column it stands for (names are
 * case-insensitive, and renames map a caller's names onto Baton's), with every problem found in it.
 */
final class Header {

    private final List<String> written;
    private final List<String> names;
    private final Map<String, Integer> positions;
    private final Columns columns;
    private final List<ImportReport.RowError> problems;

    private Header(
            List<String> written,
            List<String> names,
            Map<String, Integer> positions,
            Columns columns,
            List<ImportReport.RowError> problems) {
        this.written = written;
        this.names = names;
        this.positions = positions;
        this.columns = columns;
        this.problems = problems;
    }

    /** More columns than any import has, with room for a file's own attributes and properties. */
    static final int MAX_COLUMNS = 500;

    static Header read(CsvRecord record, Columns columns, Map<String, String> renames) {
        if (record.getFieldCount() > MAX_COLUMNS) {
            return new Header(
                    List.of(),
                    List.of(),
                    Map.of(),
                    columns,
                    List.of(new ImportReport.RowError(
                            1,
                            Optional.of(MAX_COLUMNS + 1),
                            "",
                            "the header has " + record.getFieldCount() + " columns; an import takes at most "
                                    + MAX_COLUMNS)));
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        renames.forEach((from, to) -> wanted.put(normal(from), normal(to)));
        var unused = new LinkedHashSet<>(wanted.keySet());
        var written = new ArrayList<String>();
        var names = new ArrayList<String>();
        var positions = new HashMap<String, Integer>();
        var problems = new ArrayList<ImportReport.RowError>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            String cell = record.getField(i).strip();
            Optional<String> unreadable = dev.baton.core.lead.Text.problem(cell);
            if (unreadable.isPresent()) {
                problems.add(
                        new ImportReport.RowError(1, Optional.of(i + 1), "", "the column's name " + unreadable.get()));
                written.add("");
                names.add("");
                continue;
            }
            String name = wanted.getOrDefault(normal(cell), normal(cell));
            unused.remove(normal(cell));
            written.add(cell);
            names.add(name);
            Optional<String> problem = problem(i, cell, name, columns, positions);
            if (problem.isPresent()) {
                problems.add(new ImportReport.RowError(1, Optional.of(i + 1), cell, problem.get()));
            } else {
                positions.put(name, i);
            }
        }
        problems.addAll(missing(columns, positions, unused));
        return new Header(
                List.copyOf(written), List.copyOf(names), Map.copyOf(positions), columns, List.copyOf(problems));
    }

    private static Optional<String> problem(
            int position, String cell, String name, Columns columns, Map<String, Integer> positions) {
        if (cell.isEmpty()) {
            return Optional.of("column " + (position + 1) + " has no name");
        }
        if (!columns.knows(name)) {
            String mapped = name.equals(normal(cell)) ? "" : " (mapped from '" + cell + "')";
            return Optional.of("unknown column '" + name + "'" + mapped + "; the columns are " + columns.describe()
                    + " — rename yours with map");
        }
        if (positions.containsKey(name)) {
            return Optional.of("column '" + name + "' appears twice, also as column " + (positions.get(name) + 1));
        }
        return Optional.empty();
    }

    /** The columns the kind needs that the file lacks, and renames of columns the file does not have. */
    private static List<ImportReport.RowError> missing(
            Columns columns, Map<String, Integer> positions, Set<String> unusedRenames) {
        var problems = new ArrayList<ImportReport.RowError>();
        unusedRenames.forEach(from -> problems.add(new ImportReport.RowError(
                1, Optional.empty(), from, "map names '" + from + "', which is not a column of the file")));
        columns.required().stream()
                .filter(required -> !positions.containsKey(required))
                .forEach(required -> problems.add(new ImportReport.RowError(
                        1, Optional.empty(), required, "the column '" + required + "' is required")));
        if (!columns.oneOf().isEmpty() && columns.oneOf().stream().noneMatch(positions::containsKey)) {
            String choices = String.join(", ", columns.oneOf());
            problems.add(new ImportReport.RowError(
                    1, Optional.empty(), choices, "one of the columns " + choices + " is required"));
        }
        return problems;
    }

    private static String normal(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    List<ImportReport.RowError> problems() {
        return problems;
    }

    Columns columns() {
        return columns;
    }

    /** The 0-based position of a column, when the file has it. */
    Optional<Integer> position(String column) {
        return Optional.ofNullable(positions.get(column));
    }

    /** The free columns of the file, as their position by the name they give their value. */
    Map<String, Integer> freeColumns() {
        var free = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < names.size(); i++) {
            int position = i;
            columns.freeName(names.get(i)).ifPresent(name -> free.put(name, position));
        }
        return free;
    }

    /** An error naming a column as the file writes it, or as Baton names it when the file lacks it. */
    ImportReport.RowError error(long line, String column, String message) {
        Optional<Integer> position = position(column);
        return new ImportReport.RowError(
                line, position.map(p -> p + 1), position.map(written::get).orElse(column), message);
    }

    ImportReport.RowError errorAt(long line, int position, String message) {
        return new ImportReport.RowError(line, Optional.of(position + 1), written.get(position), message);
    }

    int size() {
        return written.size();
    }

    Row row(CsvRecord record, Instant now) {
        return new Row(this, record, now);
    }
}
