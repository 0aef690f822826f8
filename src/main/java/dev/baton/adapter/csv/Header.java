package dev.baton.adapter.csv;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
    private final List<String> notes;
    private final ZoneId zone;

    private Header(
            List<String> written,
            List<String> names,
            Map<String, Integer> positions,
            Columns columns,
            List<ImportReport.RowError> problems,
            List<String> notes,
            ZoneId zone) {
        this.written = written;
        this.names = names;
        this.positions = positions;
        this.columns = columns;
        this.problems = problems;
        this.notes = notes;
        this.zone = zone;
    }

    /** More columns than any import has, with room for a file's own attributes and properties. */
    static final int MAX_COLUMNS = 500;

    static Header read(CsvRecord record, Columns columns, Map<String, String> renames) {
        return read(record, columns, renames, CsvImport.UnknownColumns.ERROR, ZoneOffset.UTC);
    }

    /**
     * Reads the header; a column the kind does not know is kept as an attribute, read past, or refused, as
     * {@code unknown} says (a kind without attributes reads past it unless told to refuse it).
     */
    static Header read(
            CsvRecord record,
            Columns columns,
            Map<String, String> renames,
            CsvImport.UnknownColumns unknown,
            ZoneId zone) {
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
                                    + MAX_COLUMNS)),
                    List.of(),
                    zone);
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        renames.forEach((from, to) -> wanted.put(normal(from), normal(to)));
        var unused = new LinkedHashSet<>(wanted.keySet());
        var written = new ArrayList<String>();
        var names = new ArrayList<String>();
        var positions = new HashMap<String, Integer>();
        var problems = new ArrayList<ImportReport.RowError>();
        var kept = new ArrayList<String>();
        var ignored = new ArrayList<String>();
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
            if (!cell.isEmpty() && !columns.knows(name) && unknown != CsvImport.UnknownColumns.ERROR) {
                Optional<String> attribute = unknown == CsvImport.UnknownColumns.ATTRIBUTES
                        ? columns.freePrefix()
                                .map(prefix -> prefix + slug(cell))
                                .filter(columns::knows)
                        : Optional.empty();
                if (attribute.isPresent() && !positions.containsKey(attribute.get())) {
                    name = attribute.get();
                    kept.add("'" + cell + "' as " + name);
                } else {
                    written.add(cell);
                    names.add("");
                    ignored.add("'" + cell + "'");
                    continue;
                }
            }
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
        var notes = new ArrayList<String>();
        if (!kept.isEmpty()) {
            notes.add("columns Baton does not know, kept as attributes: " + String.join(", ", kept));
        }
        if (!ignored.isEmpty()) {
            notes.add("columns Baton does not know, read past: " + String.join(", ", ignored)
                    + (unknown == CsvImport.UnknownColumns.ATTRIBUTES
                                    && columns.freePrefix().isPresent()
                            ? " (no attribute name could be made of them, or it was taken)"
                            : ""));
        }
        return new Header(
                List.copyOf(written),
                List.copyOf(names),
                Map.copyOf(positions),
                columns,
                List.copyOf(problems),
                List.copyOf(notes),
                zone);
    }

    /** A column's name as an attribute name: lower-case words joined by _, starting with a letter. */
    static String slug(String cell) {
        String slug = cell.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return slug.isEmpty() || Character.isLetter(slug.charAt(0)) ? slug : "c_" + slug;
    }

    /** What the reader did with the columns it does not know. */
    List<String> notes() {
        return notes;
    }

    ZoneId zone() {
        return zone;
    }

    private static Optional<String> problem(
            int position, String cell, String name, Columns columns, Map<String, Integer> positions) {
        if (cell.isEmpty()) {
            return Optional.of("column " + (position + 1) + " has no name");
        }
        if (!columns.knows(name)) {
            String mapped = name.equals(normal(cell)) ? "" : " (mapped from '" + cell + "')";
            return Optional.of("unknown column '" + name + "'" + mapped + "; the columns are " + columns.describe()
                    + " — rename yours with map, or keep or skip the columns Baton does not know with"
                    + " unknown-columns=attributes or ignore");
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
        return new Row(this, record, now, zone);
    }
}
