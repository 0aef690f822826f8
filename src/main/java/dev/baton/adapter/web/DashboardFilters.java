package dev.baton.adapter.web;

import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.FunnelMetrics;
import dev.baton.core.metrics.Dimension;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard's filters as the URL carries them (so that a view is shared as a link): period, source, team and
 * agreement version. Blank means all.
 */
record DashboardFilters(
        @Nullable String from,
        @Nullable String to,
        @Nullable String source,
        @Nullable String team,
        @Nullable String version) {

    DashboardFilters {
        from = blankIsNull(from);
        to = blankIsNull(to);
        source = blankIsNull(source);
        team = blankIsNull(team);
        version = blankIsNull(version);
    }

    private static @Nullable String blankIsNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The metrics' question for these filters, with a breakdown when given. */
    FunnelMetrics.Request request(Optional<Dimension> by) {
        var filters = new LinkedHashMap<Dimension, String>();
        put(filters, Dimension.Fixed.SOURCE, source);
        put(filters, Dimension.Fixed.TEAM, team);
        put(filters, Dimension.Fixed.VERSION, version);
        return new FunnelMetrics.Request(date("from", from), date("to", to), Optional.empty(), filters, by);
    }

    /** The same filters as a query string, for links to the figures as CSV. */
    String query() {
        var uri = UriComponentsBuilder.newInstance();
        var values = new LinkedHashMap<String, @Nullable String>();
        values.put("from", from);
        values.put("to", to);
        values.put("source", source);
        values.put("team", team);
        values.put("version", version);
        values.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, value);
            }
        });
        String query = uri.encode().build().getQuery();
        return query == null ? "" : query;
    }

    private static void put(Map<Dimension, String> filters, Dimension dimension, @Nullable String value) {
        if (value != null) {
            filters.put(dimension, value);
        }
    }

    private static Optional<LocalDate> date(String field, @Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new BatonException.Invalid(field, field + " is a day like 2026-03-01, not '" + text + "'");
        }
    }
}
