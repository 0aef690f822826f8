package dev.baton.adapter.csv;

import dev.baton.core.engine.LeadIntake;
import dev.baton.core.lead.Email;
import dev.baton.core.lifecycle.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rows of {@code funnel}: a row per deal or lead with a date per stage, as CRMs export their pipelines, mapped by a
 * {@link FunnelMapping}. Each row's lead is found by its email, or, when the file has none, by its key as the address
 * {@code <key>@import.invalid} (under the top-level domain reserved for addresses that reach no one, so it is matched
 * to no company by domain), with the key as its external id and the row's other columns as its fields and attributes.
 * A stage reached records the stages before it at the same time unless the file dates them itself; a won or lost deal
 * is closed at its close date, a lost one with the file's reason or, without one, "no reason in the imported file";
 * the amount goes on the opportunity (zero allowed). A lead imported again records only the stages it has not reached.
 */
final class FunnelRows implements Rows<FunnelRows.Deal> {

    static final List<String> COUNTS =
            List.of("leads_created", "opportunities", "won", "lost", "open", "without_stage", "unchanged");

    static final String NO_REASON = "no reason in the imported file";

    /** One stage reached, at its time. */
    record Reached(Stage stage, Instant at) {}

    /** A row: its lead and the stages it reached, in order. */
    record Deal(
            LeadIntake.LeadInput lead,
            List<Reached> reached,
            String actor,
            Optional<BigDecimal> amount,
            Optional<String> lostReason) {}

    /** Creates or updates the row's lead. */
    @FunctionalInterface
    interface Upsert {
        LeadIntake.Upserted apply(LeadIntake.LeadInput input);
    }

    private final FunnelMapping mapping;
    private final Upsert upsert;
    private final LifecycleRunner lifecycle;

    FunnelRows(FunnelMapping mapping, Upsert upsert, LifecycleRunner lifecycle) {
        this.mapping = mapping;
        this.upsert = upsert;
        this.lifecycle = lifecycle;
    }

    /** The columns a file under the mapping has: its key, the columns it names, and those of a file of leads. */
    static Columns columns(FunnelMapping mapping) {
        var optional = new ArrayList<String>();
        mapping.columns().stream().filter(c -> !c.equals(mapping.key())).forEach(optional::add);
        optional.add("email");
        LeadRows.optional().stream()
                .filter(c -> !optional.contains(c) && !c.equals(mapping.key()))
                .forEach(optional::add);
        return new Columns(
                List.of(mapping.key()),
                List.of(),
                optional.stream().distinct().toList(),
                Optional.of("attr_"),
                Map.of());
    }

    @Override
    public Optional<Deal> parse(Row row) {
        Optional<String> key = row.required(mapping.key(), "the row's id");
        String emailColumn = mapping.email().orElse("email");
        Optional<Email> email = row.text(emailColumn).isPresent()
                ? row.email(emailColumn)
                : key.flatMap(k -> placeholder(row, k, mapping.key()));
        var fields = new TreeMap<>(LeadRows.fields(row));
        key.ifPresent(k -> fields.put("lead.external_id", k));
        mapping.company().flatMap(row::text).ifPresent(name -> fields.put("company.name", name));
        mapping.actor()
                .flatMap(row::text)
                .ifPresent(actor -> fields.put(
                        "lead.attributes." + Header.slug(mapping.actor().get()), actor));
        List<Reached> reached = reached(row);
        Optional<BigDecimal> amount = mapping.amount().flatMap(row::amount);
        Optional<String> lostReason = mapping.lostReason().flatMap(row::text);
        String actor = mapping.actor().flatMap(row::text).orElse(CsvImport.ACTOR);
        return row.hasErrors()
                ? Optional.empty()
                : Optional.of(new Deal(
                        new LeadIntake.LeadInput(email.orElseThrow(), fields), reached, actor, amount, lostReason));
    }

    private static Optional<Email> placeholder(Row row, String key, String column) {
        String local =
                key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._+-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        Optional<Email> email = local.isEmpty() ? Optional.empty() : Email.parse(local + "@import.invalid");
        if (email.isEmpty()) {
            row.error(column, "'" + key + "' cannot name a lead: give the file an email column");
        }
        return email;
    }

    /** The stages the row reached, earliest first, with the stages before each dated one filled in. */
    private List<Reached> reached(Row row) {
        var dated = new TreeMap<Stage, Instant>();
        mapping.stages().forEach((column, stage) -> row.instant(column).ifPresent(at -> dated.put(stage, at)));
        Optional<Stage> close = mapping.outcome().flatMap(row::text).flatMap(this::closing);
        if (close.isPresent()) {
            String column = mapping.closed().orElseThrow();
            Optional<Instant> closedAt = row.instant(column);
            if (closedAt.isEmpty() && !row.hasErrors()) {
                row.error(column, "a deal that was " + close.get().word() + " needs the date it closed in " + column);
                return List.of();
            }
            closedAt.ifPresent(at -> {
                dated.putIfAbsent(Stage.OPPORTUNITY, at);
                dated.put(close.get(), at);
            });
        }
        if (dated.isEmpty()) {
            return List.of();
        }
        var reached = new ArrayList<Reached>();
        Stage last = dated.lastKey();
        List<Stage> path = new ArrayList<>(FunnelMapping.ORDER);
        close.ifPresent(path::add);
        Instant previous = null;
        for (Stage stage : path) {
            if (stage.ordinal() > last.ordinal()) {
                break;
            }
            Instant at = dated.containsKey(stage)
                    ? dated.get(stage)
                    : dated.ceilingEntry(stage).getValue();
            if (previous != null && at.isBefore(previous)) {
                row.error(
                        columnOf(stage),
                        stage.word() + " at " + at + " comes before the stage before it, at " + previous);
                return List.of();
            }
            reached.add(new Reached(stage, at));
            previous = at;
        }
        return reached;
    }

    private String columnOf(Stage stage) {
        if (stage == Stage.WON || stage == Stage.LOST) {
            return mapping.closed().orElse("");
        }
        return mapping.stages().entrySet().stream()
                .filter(e -> e.getValue() == stage)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(mapping.closed().orElse(""));
    }

    private Optional<Stage> closing(String outcome) {
        String value = outcome.strip().toLowerCase(Locale.ROOT);
        if (mapping.won().contains(value)) {
            return Optional.of(Stage.WON);
        }
        return mapping.lost().contains(value) ? Optional.of(Stage.LOST) : Optional.empty();
    }

    @Override
    public void apply(List<Parsed<Deal>> chunk, Tally tally) {
        for (Parsed<Deal> row : chunk) {
            Deal deal = row.value();
            LeadIntake.Upserted lead = upsert.apply(deal.lead());
            if (lead.lead().created()) {
                tally.add("leads_created");
            }
            if (deal.reached().isEmpty()) {
                tally.add("without_stage");
                continue;
            }
            Stage now = lead.lead().status().stage();
            List<Reached> ahead = deal.reached().stream()
                    .filter(r -> now == Stage.LEAD || r.stage().ordinal() > now.ordinal())
                    .toList();
            if (ahead.isEmpty()) {
                tally.add("unchanged");
                continue;
            }
            for (Reached step : ahead) {
                Optional<String> reason = step.stage() == Stage.LOST
                        ? Optional.of(deal.lostReason().orElse(NO_REASON))
                        : Optional.empty();
                lifecycle.run(
                        lead.lead().id(),
                        Optional.of(step.at()),
                        "imported from a funnel file",
                        (steps, status, at) -> steps.recordPast(
                                status,
                                step.stage(),
                                Optional.empty(),
                                reason,
                                deal.actor(),
                                at,
                                "import",
                                step.stage() == Stage.OPPORTUNITY ? deal.amount() : Optional.empty(),
                                step.stage() == Stage.OPPORTUNITY ? mapping.currency() : Optional.empty()));
                if (step.stage() == Stage.OPPORTUNITY) {
                    tally.add("opportunities");
                }
            }
            Stage last = ahead.get(ahead.size() - 1).stage();
            tally.add(last == Stage.WON ? "won" : last == Stage.LOST ? "lost" : "open");
        }
    }
}
