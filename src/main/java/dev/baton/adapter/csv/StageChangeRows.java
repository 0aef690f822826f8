package dev.baton.adapter.csv;

import dev.baton.core.lifecycle.Stage;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of {@code stage-changes}: a lead's history from another system, each change recorded at its own time by the
 * lifecycle's rules — the transition table, a reason code of the agreement for every rejection and disqualification,
 * a reason for every lost opportunity, a recycle reason code's cool-off. A lead named by an unknown email is created.
 */
final class StageChangeRows implements Rows<StageChangeRows.Change> {

    static final Columns COLUMNS = new Columns(
            List.of("stage", "at"),
            List.of("email", "lead_id"),
            List.of("actor", "reason_code", "lost_reason", "source"),
            Optional.empty(),
            Map.of("to", "stage"));

    static final List<String> COUNTS = List.of("recorded", "leads_created", "routed", "queued");

    private static final List<Stage> STAGES =
            Arrays.stream(Stage.values()).filter(s -> s != Stage.LEAD).toList();

    /** A change as a row describes it. */
    record Change(
            LeadRef lead,
            Stage stage,
            Instant at,
            String actor,
            Optional<String> reasonCode,
            Optional<String> lostReason,
            String source) {}

    private final LeadDirectory leads;
    private final LifecycleRunner lifecycle;

    /** Each lead's latest change so far in this file: a lead's rows must come in time order. */
    private final Map<String, Instant> latest = new HashMap<>();

    /** Routes those of the leads that are open MQLs without an owner or a queue. */
    @FunctionalInterface
    interface Router {
        dev.baton.core.engine.LeadIntake.Routed routeWaiting(java.util.Collection<Long> leadIds);
    }

    private final java.util.Set<Long> qualified = new java.util.TreeSet<>();
    private Router router = ids -> new dev.baton.core.engine.LeadIntake.Routed(0, 0);

    /** As {@link #StageChangeRows(LeadDirectory, LifecycleRunner)}, routing the MQLs the file leaves waiting. */
    StageChangeRows(LeadDirectory leads, LifecycleRunner lifecycle, Router router) {
        this(leads, lifecycle);
        this.router = router;
    }

    StageChangeRows(LeadDirectory leads, LifecycleRunner lifecycle) {
        this.leads = leads;
        this.lifecycle = lifecycle;
    }

    @Override
    public Optional<Change> parse(Row row) {
        Optional<LeadRef> lead = LeadRef.read(row);
        Optional<Stage> stage =
                row.required("stage", "the stage the lead reached").flatMap(text -> stage(row, text));
        Optional<Instant> at =
                row.required("at", "when the lead reached the stage").flatMap(t -> row.instant("at"));
        if (row.hasErrors()) {
            return Optional.empty();
        }
        Instant previous = latest.get(lead.orElseThrow().key());
        if (previous != null && at.orElseThrow().isBefore(previous)) {
            row.error(
                    "at",
                    "at " + at.get() + " is before this lead's previous change at " + previous
                            + "; a lead's rows must come in time order");
            return Optional.empty();
        }
        latest.put(lead.get().key(), at.get());
        return Optional.of(new Change(
                lead.get(),
                stage.orElseThrow(),
                at.get(),
                row.text("actor").orElse("import"),
                row.text("reason_code"),
                row.text("lost_reason", 1000),
                row.text("source").orElse("import")));
    }

    private static Optional<Stage> stage(Row row, String text) {
        Optional<Stage> stage = STAGES.stream()
                .filter(s -> s.word().equals(text.toLowerCase(Locale.ROOT)))
                .findFirst();
        if (stage.isEmpty()) {
            row.error(
                    "stage",
                    "'" + text + "' is not a stage: one of "
                            + String.join(", ", STAGES.stream().map(Stage::word).toList()));
        }
        return stage;
    }

    @Override
    public void apply(List<Parsed<Change>> chunk, Tally tally) {
        for (Parsed<Change> row : chunk) {
            Change c = row.value();
            LeadDirectory.Found lead = leads.existingOrNew(c.lead());
            if (lead.created()) {
                tally.add("leads_created");
            }
            lifecycle.run(
                    lead.id(),
                    Optional.of(c.at()),
                    "imported from " + c.source(),
                    (steps, status, at) -> steps.recordPast(
                            status, c.stage(), c.reasonCode(), c.lostReason(), c.actor(), at, c.source()));
            tally.add("recorded");
            if (c.stage() == Stage.MQL) {
                qualified.add(lead.id());
            }
        }
    }

    /**
     * Routes each lead the file made an MQL that is still an open MQL without an owner or a queue, as a live one is
     * (its clocks start now), unless the import is of history only.
     */
    @Override
    public void finish(CsvImport.Options options, Tally tally) {
        if (options.historyOnly() || qualified.isEmpty()) {
            return;
        }
        dev.baton.core.engine.LeadIntake.Routed routed = router.routeWaiting(qualified);
        for (int i = 0; i < routed.toReps(); i++) {
            tally.add("routed");
        }
        for (int i = 0; i < routed.queued(); i++) {
            tally.add("queued");
        }
    }
}
