package dev.baton.adapter.api;

import dev.baton.core.engine.BatonException;
import dev.baton.core.metrics.SpendStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The marketing spend the cost metrics divide; it comes in as CSV through {@code POST /api/v1/imports/spend}. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Metrics")
class SpendController {

    /** One month's spend on a source, a campaign of it, or neither (null). */
    record SpendView(
            String month,
            @Nullable String source,
            @Nullable String campaign,
            BigDecimal amount,
            @Nullable String currency) {}

    private final SpendStore spend;
    private final java.time.Clock clock;

    SpendController(SpendStore spend, java.time.Clock clock) {
        this.spend = spend;
        this.clock = clock;
    }

    @GetMapping("/spend")
    @Operation(
            summary = "The marketing spend kept for the months from through to (2026-01; by default the last twelve"
                    + " months), by month, source and campaign")
    List<SpendView> spend(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        YearMonth last = month("to", to).orElse(YearMonth.now(clock.withZone(java.time.ZoneOffset.UTC)));
        YearMonth first = month("from", from).orElse(last.minusMonths(11));
        if (last.isBefore(first)) {
            throw new BatonException.Invalid("to", "the months end at " + last + ", before they start at " + first);
        }
        return spend.between(first, last).stream()
                .map(s -> new SpendView(
                        s.month().toString(),
                        s.source().orElse(null),
                        s.campaign().orElse(null),
                        s.amount(),
                        s.currency().orElse(null)))
                .toList();
    }

    private static java.util.Optional<YearMonth> month(String field, @Nullable String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            if (month.getYear() < 1900 || month.getYear() > 9999) {
                throw new BatonException.Invalid(field, field + " must be a month between 1900 and 9999");
            }
            return java.util.Optional.of(month);
        } catch (DateTimeParseException e) {
            throw new BatonException.Invalid(field, "'" + text + "' is not a month like 2026-03");
        }
    }
}
