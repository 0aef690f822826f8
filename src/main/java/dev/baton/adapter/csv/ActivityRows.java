package dev.baton.adapter.csv;

import dev.baton.core.lead.Activity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Rows of {@code activities}: reps' calls, emails, meetings and social touches on existing leads. */
final class ActivityRows implements Rows<ActivityRows.Logged> {

    static final Columns COLUMNS = new Columns(
            List.of("type", "at", "rep"),
            List.of("email", "lead_id"),
            List.of("outcome", "notes"),
            Optional.empty(),
            Map.of());

    static final List<String> COUNTS = List.of("logged");

    /** A touch and the lead it was made on. */
    record Logged(LeadRef lead, Activity activity) {}

    private final LeadDirectory leads;
    private final BiConsumer<Long, Activity> log;

    ActivityRows(LeadDirectory leads, BiConsumer<Long, Activity> log) {
        this.leads = leads;
        this.log = log;
    }

    @Override
    public Optional<Logged> parse(Row row) {
        Optional<LeadRef> lead = LeadRef.read(row);
        Optional<Activity.Type> type =
                row.required("type", "call, email, meeting or social").flatMap(text -> type(row, text));
        Optional<Instant> at = row.required("at", "when the touch happened").flatMap(text -> row.instant("at"));
        Optional<String> rep = row.required("rep", "who made the touch");
        if (row.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Logged(
                lead.orElseThrow(),
                new Activity(
                        type.orElseThrow(),
                        at.orElseThrow(),
                        rep.orElseThrow(),
                        row.text("outcome"),
                        row.text("notes"))));
    }

    private static Optional<Activity.Type> type(Row row, String text) {
        try {
            return Optional.of(Activity.Type.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            row.error("type", "'" + text + "' is not a type of touch: call, email, meeting or social");
            return Optional.empty();
        }
    }

    @Override
    public void apply(List<Parsed<Logged>> chunk, Tally tally) {
        for (Parsed<Logged> touch : chunk) {
            log.accept(leads.existing(touch.value().lead()), touch.value().activity());
            tally.add("logged");
        }
    }
}
