package dev.baton.adapter.csv;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of {@code opportunities}: an opportunity opened on a qualified lead, and when it is closed, won or lost — each a
 * lifecycle step at its own time.
 */
final class OpportunityRows implements Rows<OpportunityRows.Opportunity> {

    static final Columns COLUMNS = new Columns(
            List.of("amount", "currency", "expected_close_date"),
            List.of("email", "lead_id"),
            List.of("opened_at", "opened_by", "status", "closed_at", "closed_by", "lost_reason"),
            Optional.empty(),
            Map.of("expectedClose", "expected_close_date"));

    static final List<String> COUNTS = List.of("opened", "won", "lost");

    static final String ACTOR = "import";

    /** Where the opportunity ended up. */
    enum Status {
        OPEN,
        WON,
        LOST
    }

    /** An opportunity as a row describes it. */
    record Opportunity(
            LeadRef lead,
            Optional<BigDecimal> amount,
            Optional<String> currency,
            Optional<LocalDate> expectedClose,
            Optional<Instant> openedAt,
            String openedBy,
            Status status,
            Optional<Instant> closedAt,
            String closedBy,
            Optional<String> lostReason) {}

    private final LeadDirectory leads;
    private final LifecycleRunner lifecycle;

    OpportunityRows(LeadDirectory leads, LifecycleRunner lifecycle) {
        this.leads = leads;
        this.lifecycle = lifecycle;
    }

    @Override
    public Optional<Opportunity> parse(Row row) {
        Optional<LeadRef> lead = LeadRef.read(row);
        Optional<Instant> openedAt = row.instant("opened_at");
        Optional<Instant> closedAt = row.instant("closed_at");
        Optional<Status> status = status(row);
        if (status.filter(s -> s != Status.OPEN).isPresent() && closedAt.isEmpty() && !row.hasErrors()) {
            row.error("closed_at", "closed_at is required for a " + word(status.get()) + " opportunity");
        }
        if (status.filter(s -> s == Status.OPEN).isPresent() && closedAt.isPresent()) {
            row.error("closed_at", "closed_at is set but the status is open; give the status won or lost");
        }
        if (openedAt.isPresent()
                && closedAt.filter(c -> c.isBefore(openedAt.get())).isPresent()) {
            row.error("closed_at", "closed_at " + closedAt.get() + " is before opened_at " + openedAt.get());
        }
        Optional<BigDecimal> amount = row.amount("amount");
        Optional<LocalDate> expectedClose = row.date("expected_close_date");
        if (row.hasErrors()) {
            return Optional.empty();
        }
        String openedBy = row.text("opened_by").orElse(ACTOR);
        return Optional.of(new Opportunity(
                lead.orElseThrow(),
                amount,
                row.text("currency").map(c -> c.toUpperCase(Locale.ROOT)),
                expectedClose,
                openedAt,
                openedBy,
                status.orElseThrow(),
                closedAt,
                row.text("closed_by").orElse(openedBy),
                row.text("lost_reason")));
    }

    private static Optional<Status> status(Row row) {
        Optional<String> text = row.text("status");
        try {
            return Optional.of(
                    text.map(t -> Status.valueOf(t.toUpperCase(Locale.ROOT))).orElse(Status.OPEN));
        } catch (IllegalArgumentException e) {
            row.error("status", "'" + text.orElseThrow() + "' is not a status: open, won or lost");
            return Optional.empty();
        }
    }

    private static String word(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void apply(List<Parsed<Opportunity>> chunk, Tally tally) {
        for (Parsed<Opportunity> row : chunk) {
            Opportunity o = row.value();
            long id = leads.existing(o.lead());
            lifecycle.run(
                    id,
                    o.openedAt(),
                    "imported",
                    (steps, status, at) -> steps.openOpportunity(
                            status, o.amount(), o.currency(), o.expectedClose(), o.openedBy(), at));
            tally.add("opened");
            if (o.status() == Status.WON) {
                lifecycle.run(id, o.closedAt(), "imported", (steps, status, at) -> steps.win(status, o.closedBy(), at));
                tally.add("won");
            } else if (o.status() == Status.LOST) {
                lifecycle.run(
                        id,
                        o.closedAt(),
                        "imported",
                        (steps, status, at) -> steps.lose(status, o.lostReason(), o.closedBy(), at));
                tally.add("lost");
            }
        }
    }
}
