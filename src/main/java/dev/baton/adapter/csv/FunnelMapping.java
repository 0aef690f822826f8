package dev.baton.adapter.csv;

import dev.baton.core.lifecycle.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a file with a row per deal (or per lead) and a date per stage maps onto Baton's funnel, for the import kind
 * {@code funnel}: the column that identifies the row, the date columns and the stage each records, the column whose
 * value says whether the deal was won or lost and when, and the deal's amount. Written as entries
 * {@code name:value} ({@code stage:engage_date=opportunity}); the command line reads them from a YAML file.
 */
public record FunnelMapping(
        String key,
        Optional<String> email,
        Optional<String> company,
        Optional<String> actor,
        Map<String, Stage> stages,
        Optional<String> outcome,
        Set<String> won,
        Set<String> lost,
        Optional<String> closed,
        Optional<String> amount,
        Optional<String> currency,
        Optional<String> lostReason) {

    /** The stages a date column may record; won and lost come from the outcome. */
    static final List<Stage> ORDER = List.of(Stage.MQL, Stage.ACCEPTED, Stage.SQL, Stage.OPPORTUNITY);

    /** The names of the entries, for messages. */
    static final List<String> NAMES = List.of(
            "key",
            "email",
            "company",
            "actor",
            "stage",
            "outcome",
            "won",
            "lost",
            "closed",
            "amount",
            "currency",
            "lostReason");

    public FunnelMapping {
        stages = Map.copyOf(stages);
        won = Set.copyOf(won);
        lost = Set.copyOf(lost);
    }

    /** Every column the mapping names. */
    List<String> columns() {
        var columns = new ArrayList<String>();
        columns.add(key);
        email.ifPresent(columns::add);
        company.ifPresent(columns::add);
        actor.ifPresent(columns::add);
        columns.addAll(stages.keySet());
        outcome.ifPresent(columns::add);
        closed.ifPresent(columns::add);
        amount.ifPresent(columns::add);
        lostReason.ifPresent(columns::add);
        return columns.stream().distinct().toList();
    }

    /** The mapping the entries describe; an entry that is wrong is named in the exception's message. */
    public static FunnelMapping parse(List<String> entries) {
        var single = new LinkedHashMap<String, String>();
        var stages = new LinkedHashMap<String, Stage>();
        var won = new LinkedHashSet<String>();
        var lost = new LinkedHashSet<String>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            String name = colon < 0 ? entry.strip() : entry.substring(0, colon).strip();
            String value = colon < 0 ? "" : entry.substring(colon + 1).strip();
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a mapping entry: one of "
                        + String.join(", ", NAMES) + ", each written name:value");
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException("the mapping entry " + name + " has no value");
            }
            switch (name) {
                case "stage" -> {
                    int equals = value.lastIndexOf('=');
                    Optional<Stage> stage = equals < 0
                            ? Optional.empty()
                            : ORDER.stream()
                                    .filter(s -> s.word()
                                            .equals(value.substring(equals + 1)
                                                    .strip()
                                                    .toLowerCase(Locale.ROOT)))
                                    .findFirst();
                    if (stage.isEmpty()) {
                        throw new IllegalArgumentException("stage takes a date column and the stage it records, like"
                                + " stage:engage_date=opportunity; the stages are mql, accepted, sql and opportunity"
                                + " (won and lost come from the outcome), not '" + value + "'");
                    }
                    stages.put(normal(value.substring(0, equals)), stage.get());
                }
                case "won" -> won.add(value.toLowerCase(Locale.ROOT));
                case "lost" -> lost.add(value.toLowerCase(Locale.ROOT));
                default -> {
                    if (single.put(name, value) != null) {
                        throw new IllegalArgumentException("the mapping entry " + name + " is given twice");
                    }
                }
            }
        }
        if (!single.containsKey("key")) {
            throw new IllegalArgumentException(
                    "the mapping needs key: the column that identifies each row, like key:opportunity_id");
        }
        if (stages.isEmpty() && !single.containsKey("outcome")) {
            throw new IllegalArgumentException(
                    "the mapping needs at least one stage:COLUMN=STAGE, or an outcome, to record anything");
        }
        if (single.containsKey("outcome") && (won.isEmpty() && lost.isEmpty() || !single.containsKey("closed"))) {
            throw new IllegalArgumentException("an outcome needs the values that mean won and lost (won:Won,"
                    + " lost:Lost) and the column of the date the deal closed (closed:close_date)");
        }
        String currency = single.get("currency");
        if (currency != null && !currency.matches("[A-Za-z]{3}")) {
            throw new IllegalArgumentException("currency is a three-letter code like USD, not '" + currency + "'");
        }
        return new FunnelMapping(
                normal(single.get("key")),
                column(single, "email"),
                column(single, "company"),
                column(single, "actor"),
                stages,
                column(single, "outcome"),
                won,
                lost,
                column(single, "closed"),
                column(single, "amount"),
                Optional.ofNullable(currency).map(c -> c.toUpperCase(Locale.ROOT)),
                column(single, "lostReason"));
    }

    private static Optional<String> column(Map<String, String> single, String name) {
        return Optional.ofNullable(single.get(name)).map(FunnelMapping::normal);
    }

    private static String normal(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }
}
