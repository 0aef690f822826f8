package dev.baton.adapter.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The columns one kind of import reads: those it requires, those of which it needs at least one, the optional ones,
 * and the prefix of freely named columns ({@code attr_seats}); plus the column each core field name stands for.
 */
record Columns(
        List<String> required,
        List<String> oneOf,
        List<String> optional,
        Optional<String> freePrefix,
        Map<String, String> fieldColumns) {

    /** A free column's name after its prefix: lower-case words joined by _. */
    static final Pattern FREE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    Columns {
        required = List.copyOf(required);
        oneOf = List.copyOf(oneOf);
        optional = List.copyOf(optional);
        fieldColumns = Map.copyOf(fieldColumns);
    }

    boolean knows(String name) {
        return required.contains(name)
                || oneOf.contains(name)
                || optional.contains(name)
                || freeName(name).isPresent();
    }

    /** The name a free column gives its value, when the column is one. */
    Optional<String> freeName(String column) {
        return freePrefix
                .filter(column::startsWith)
                .map(prefix -> column.substring(prefix.length()))
                .filter(rest -> FREE_NAME.matcher(rest).matches());
    }

    /** Every column, for messages: {@code email, first_name, …, attr_<name>}. */
    String describe() {
        var names = new ArrayList<String>(required);
        names.addAll(oneOf);
        names.addAll(optional);
        freePrefix.ifPresent(prefix -> names.add(prefix + "<name>"));
        return String.join(", ", names);
    }

    /**
     * The column a core field name such as {@code events[3].occurredAt} or {@code reasonCode} stands for:
     * {@code occurred_at}, {@code reason_code}.
     */
    String columnOf(String field) {
        String name = field.substring(field.lastIndexOf('.') + 1);
        String mapped = fieldColumns.get(name);
        if (mapped != null) {
            return mapped;
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
