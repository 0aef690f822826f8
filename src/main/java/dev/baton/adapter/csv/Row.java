package dev.baton.adapter.csv;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.baton.core.engine.LeadIntake;
import dev.baton.core.lead.Amounts;
import dev.baton.core.lead.Email;
import dev.baton.core.lead.Text;
import dev.baton.core.lead.Times;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One data row read against the header. Its getters give a column's value as the type it must have, or note what is
 * wrong with it, naming the column; a row with errors is rejected whole.
 */
final class Row {

    private final Header header;
    private final CsvRecord record;
    private final Instant now;
    private final ZoneId zone;
    private final List<ImportReport.RowError> errors = new ArrayList<>();

    Row(Header header, CsvRecord record, Instant now, ZoneId zone) {
        this.header = header;
        this.record = record;
        this.now = now;
        this.zone = zone;
        if (record.getFieldCount() != header.size()) {
            int position = Math.min(record.getFieldCount(), header.size());
            errors.add(new ImportReport.RowError(
                    line(),
                    Optional.of(position + 1),
                    "",
                    "the line has " + record.getFieldCount() + " fields where the header has " + header.size()));
        }
    }

    long line() {
        return record.getStartingLineNumber();
    }

    /** Whether every cell is blank, as in the empty rows spreadsheets leave at the end. */
    boolean isBlank() {
        return record.getFields().stream().allMatch(String::isBlank);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<ImportReport.RowError> errors() {
        return List.copyOf(errors);
    }

    void error(String column, String message) {
        errors.add(header.error(line(), column, message));
    }

    boolean has(String column) {
        return header.position(column).isPresent();
    }

    /** The column's text, stripped; empty when the file lacks the column or the cell is blank. */
    Optional<String> text(String column) {
        return header.position(column).flatMap(this::cell);
    }

    Optional<String> text(String column, int maxLength) {
        Optional<String> text = text(column);
        if (text.filter(t -> t.length() > maxLength).isPresent()) {
            error(column, column + " is longer than " + maxLength + " characters");
            return Optional.empty();
        }
        return text;
    }

    Optional<String> required(String column, String what) {
        Optional<String> text = text(column);
        if (text.isEmpty()) {
            error(column, column + " is required: " + what);
        }
        return text;
    }

    Optional<Email> email(String column) {
        return text(column).flatMap(text -> checked(column, Email.parse(text), "'" + text + "' is not an email"));
    }

    Optional<Long> id(String column) {
        return text(column).flatMap(text -> checked(column, positiveLong(text), "'" + text + "' is not a lead id"));
    }

    /**
     * A time that has passed, as CRMs and spreadsheets write it: with an offset ({@code 2026-11-20T15:00:00Z},
     * {@code 2026-11-20 15:00:00+01:00}), without one ({@code 2026-11-20 15:00}, read in the import's timezone), or a
     * bare date ({@code 2026-11-20}, the start of that day there).
     */
    Optional<Instant> instant(String column) {
        Optional<Instant> at = text(column)
                .flatMap(text -> checked(
                        column,
                        Times.parse(text, zone),
                        "'" + text + "' is not a time like 2026-11-20T15:00:00Z, 2026-11-20 15:00 or 2026-11-20"));
        if (at.filter(t -> !Times.isKept(t)).isPresent()) {
            error(column, column + " " + at.get() + " is out of range: " + Times.RANGE);
            return Optional.empty();
        }
        if (at.filter(t -> t.isAfter(now.plus(LeadIntake.CLOCK_SKEW))).isPresent()) {
            error(column, column + " " + at.get() + " is in the future (now is " + now + ")");
            return Optional.empty();
        }
        return at;
    }

    Optional<LocalDate> date(String column) {
        return text(column).flatMap(text -> {
            try {
                LocalDate day = LocalDate.parse(text);
                if (!Times.isKept(day)) {
                    error(column, column + " " + day + " is out of range: " + Times.RANGE);
                    return Optional.empty();
                }
                return Optional.of(day);
            } catch (DateTimeParseException e) {
                error(column, "'" + text + "' is not a date like 2027-03-31");
                return Optional.empty();
            }
        });
    }

    /** An amount as people write it (50000, 2,500,000, 2.5M), never negative. */
    Optional<BigDecimal> amount(String column) {
        return text(column)
                .flatMap(text ->
                        checked(column, Amounts.parse(text), "'" + text + "' is not an amount like 48000 or 2.5M"));
    }

    /** The free columns' values by the name they give them, leaving out blank cells. */
    Map<String, String> free() {
        var values = new LinkedHashMap<String, String>();
        header.freeColumns().forEach((name, position) -> cell(position).ifPresent(value -> values.put(name, value)));
        return values;
    }

    private Optional<String> cell(int position) {
        if (position >= record.getFieldCount()) {
            return Optional.empty();
        }
        String value = record.getField(position).strip();
        Optional<String> unreadable = Text.problem(value);
        if (unreadable.isPresent()) {
            errors.add(header.errorAt(line(), position, "the cell " + unreadable.get()));
            return Optional.empty();
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private <T> Optional<T> checked(String column, Optional<T> value, String message) {
        if (value.isEmpty()) {
            error(column, message);
        }
        return value;
    }

    private static Optional<Long> positiveLong(String text) {
        try {
            return Optional.of(Long.parseLong(text)).filter(id -> id > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
