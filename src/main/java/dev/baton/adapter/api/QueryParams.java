package dev.baton.adapter.api;

import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.LeadSearch;
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
}
