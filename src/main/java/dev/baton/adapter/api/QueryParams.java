package dev.baton.adapter.api;

import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.LeadSearch;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The checks the list endpoints' query parameters share. */
final class QueryParams {

    private QueryParams() {}

    /** The value without its surrounding spaces; an empty one is refused, since it would match nothing. */
    static Optional<String> text(String field, @Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isBlank()) {
            throw new BatonException.Invalid(field, "an empty " + field + " matches nothing; leave it out instead");
        }
        return Optional.of(value.strip());
    }

    /** A page's size: 1 to {@link LeadSearch#MOST}. */
    static int limit(@Nullable Integer limit, int fallback) {
        int size = limit == null ? fallback : limit;
        if (size < 1 || size > LeadSearch.MOST) {
            throw new BatonException.Invalid("limit", "limit must be a whole number from 1 to " + LeadSearch.MOST);
        }
        return size;
    }

    static BatonException.Invalid badCursor() {
        return new BatonException.Invalid(
                "cursor", "not a cursor this list gave; pass the 'next' of the page before, unchanged");
    }

    /** A day, like 2026-03-01, from 1900 to 9999; empty when not given. */
    static Optional<LocalDate> date(String field, @Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() < 1900 || date.getYear() > 9999) {
                throw new BatonException.Invalid(field, "a date from 1900 to 9999, like 2026-03-01");
            }
            return Optional.of(date);
        } catch (DateTimeParseException e) {
            throw new BatonException.Invalid(field, "'" + text + "' is not a date like 2026-03-01");
        }
    }
}
