package dev.baton.adapter.csv;

import dev.baton.core.metrics.Spend;
import dev.baton.core.metrics.SpendStore;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rows of {@code spend}: what marketing spent per month ({@code 2026-03}, or any day of it), on a source, a campaign
 * of a source, or neither. A month, source and campaign imported again replaces the amount kept for it; one file may
 * name each only once.
 */
final class SpendRows implements Rows<Spend> {

    static final Columns COLUMNS = new Columns(
            List.of("month", "amount"),
            List.of(),
            List.of("source", "campaign", "currency"),
            Optional.empty(),
            Map.of());

    static final List<String> COUNTS = List.of("kept");

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final SpendStore store;
    private final Map<String, Long> seen = new HashMap<>();

    SpendRows(SpendStore store) {
        this.store = store;
    }

    @Override
    public Optional<Spend> parse(Row row) {
        Optional<YearMonth> month =
                row.required("month", "the month spent, like 2026-03").flatMap(text -> month(row, text));
        Optional<BigDecimal> amount = row.required("amount", "what was spent").flatMap(text -> row.amount("amount"));
        Optional<String> source = row.text("source", 200);
        Optional<String> campaign = row.text("campaign", 200);
        Optional<String> currency = row.text("currency");
        if (currency.filter(c -> !CURRENCY.matcher(c).matches()).isPresent()) {
            row.error("currency", "'" + currency.get() + "' is not a currency code like USD");
        }
        if (row.hasErrors()) {
            return Optional.empty();
        }
        String key = month.get() + "|" + source.orElse("") + "|" + campaign.orElse("");
        Long before = seen.putIfAbsent(key, row.line());
        if (before != null) {
            row.error(
                    "month",
                    "the spend of " + month.get() + " for "
                            + source.map(s -> "source " + s).orElse("no source")
                            + campaign.map(c -> ", campaign " + c).orElse("") + " is on line " + before
                            + " already");
            return Optional.empty();
        }
        return Optional.of(new Spend(month.get(), source, campaign, amount.get(), currency));
    }

    /** A month as 2026-03, or a day of it as 2026-03-01. */
    private static Optional<YearMonth> month(Row row, String text) {
        try {
            return Optional.of(
                    text.length() > 7 ? YearMonth.from(java.time.LocalDate.parse(text)) : YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            row.error("month", "'" + text + "' is not a month like 2026-03");
            return Optional.empty();
        }
    }

    @Override
    public void apply(List<Parsed<Spend>> chunk, Tally tally) {
        store.put(chunk.stream().map(Parsed::value).toList());
        chunk.forEach(spend -> tally.add("kept"));
    }
}
