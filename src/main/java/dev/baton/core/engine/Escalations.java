package dev.baton.core.engine;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.ChannelKind;
import dev.baton.core.agreement.Escalation;
import dev.baton.core.agreement.Target;
import dev.baton.core.metrics.ReviewItem;
import dev.baton.core.metrics.ReviewStore;
import dev.baton.core.notification.Notices;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The agreement's program escalations, evaluated on a schedule and on demand: a trigger trips when its metric is below
 * a floor, above a ceiling, or below its target by a share, in each of the last {@code for-months} whole calendar
 * months (in the agreement's timezone). A tripped trigger opens a review item with the figures, unless it has one open
 * or had one for the same months, and tells the escalation's roles through the outbox, in the same transaction.
 */
public final class Escalations {

    private final FunnelMetrics metrics;
    private final ReviewStore reviews;
    private final ActiveAgreement active;
    private final Outbox outbox;
    private final Supplier<Set<ChannelKind>> configured;
    private final String baseUrl;
    private final Transactions transactions;
    private final Clock clock;

    public Escalations(
            FunnelMetrics metrics,
            ReviewStore reviews,
            ActiveAgreement active,
            Outbox outbox,
            Supplier<Set<ChannelKind>> configured,
            String baseUrl,
            Transactions transactions,
            Clock clock) {
        this.metrics = metrics;
        this.reviews = reviews;
        this.active = active;
        this.outbox = outbox;
        this.configured = configured;
        this.baseUrl = baseUrl;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Evaluates every escalation of the active agreement now; returns the reviews it opened. */
    public List<ReviewItem> evaluate() {
        Optional<ActiveAgreement.Running> running = active.current();
        if (running.isEmpty()) {
            return List.of();
        }
        Agreement agreement = running.get().agreement();
        LocalDate today =
                LocalDate.ofInstant(clock.instant(), agreement.calendar().timezone());
        var opened = new ArrayList<ReviewItem>();
        for (Escalation escalation : agreement.escalations()) {
            for (int t = 0; t < escalation.when().size(); t++) {
                Escalation.Trigger trigger = escalation.when().get(t);
                Optional<List<ReviewItem.MonthFigure>> tripped = tripped(agreement, trigger, today);
                if (tripped.isPresent()) {
                    open(agreement, escalation, t, trigger, tripped.get()).ifPresent(opened::add);
                }
            }
        }
        return opened;
    }

    /** The figures of the months that tripped the trigger, or empty when one of them did not (or had no figure). */
    private Optional<List<ReviewItem.MonthFigure>> tripped(
            Agreement agreement, Escalation.Trigger trigger, LocalDate today) {
        Optional<Double> line = line(agreement, trigger);
        if (line.isEmpty()) {
            return Optional.empty();
        }
        var figures = new ArrayList<ReviewItem.MonthFigure>();
        YearMonth last = YearMonth.from(today).minusMonths(1);
        for (YearMonth month = last.minusMonths(trigger.forMonths() - 1L);
                !month.isAfter(last);
                month = month.plusMonths(1)) {
            FunnelMetrics.Report report = metrics.compute(
                    trigger.metric(),
                    FunnelMetrics.Request.of(Optional.of(month.atDay(1)), Optional.of(month.atEndOfMonth())));
            Optional<Double> value = report.result().total().value();
            if (value.isEmpty() || !crosses(trigger.comparison(), value.get(), line.get())) {
                return Optional.empty();
            }
            figures.add(new ReviewItem.MonthFigure(month.toString(), value.get(), line.get()));
        }
        return Optional.of(figures);
    }

    /** The line a trigger's figure must not cross, in the unit of the figures. */
    private static Optional<Double> line(Agreement agreement, Escalation.Trigger trigger) {
        if (trigger.comparison() != Escalation.Comparison.BELOW_TARGET_BY) {
            return Optional.of(trigger.value().inFigures());
        }
        Optional<Target> target = agreement.targets().stream()
                .filter(t -> t.metric() == trigger.metric())
                .findFirst();
        return target.flatMap(Target::atLeast)
                .map(floor -> floor.inFigures() * (1 - trigger.value().value().doubleValue()));
    }

    private static boolean crosses(Escalation.Comparison comparison, double value, double line) {
        return comparison == Escalation.Comparison.ABOVE ? value > line : value < line;
    }

    private Optional<ReviewItem> open(
            Agreement agreement,
            Escalation escalation,
            int index,
            Escalation.Trigger trigger,
            List<ReviewItem.MonthFigure> figures) {
        var owners = new LinkedHashMap<String, String>();
        escalation
                .notifyRoles()
                .forEach(role -> owners.put(role, agreement.roles().getOrDefault(role, "")));
        YearMonth first = YearMonth.parse(figures.get(0).month());
        YearMonth last = YearMonth.parse(figures.get(figures.size() - 1).month());
        Instant now = clock.instant();
        var draft = new ReviewItem.Draft(
                escalation.name(),
                index,
                trigger.describe(),
                trigger.metric(),
                escalation.action().word(),
                first.atDay(1),
                last.atEndOfMonth(),
                figures,
                owners,
                now);
        return transactions.inTransaction(() -> {
            Optional<ReviewItem> review = reviews.open(draft);
            review.ifPresent(opened -> {
                if (!configured.get().isEmpty()) {
                    outbox.add(
                            new Notices(agreement, configured.get(), baseUrl)
                                    .escalated(opened, escalation.notifyRoles()),
                            now);
                }
            });
            return review;
        });
    }

    /** Closes an open review with a note: who closed it and why stay on it. */
    public ReviewItem close(long id, String actor, String note) {
        if (note.isBlank()) {
            throw new BatonException.Invalid("note", "say why the review is closed: a note is required");
        }
        ReviewItem review = reviews.find(id).orElseThrow(() -> new BatonException.NotFound("there is no review " + id));
        if (!reviews.close(id, actor, note.strip(), clock.instant())) {
            throw new BatonException.Conflict("review " + id + " is closed already, by "
                    + review.closedBy().orElse("someone") + " on "
                    + review.closedAt().map(Instant::toString).orElse("?"));
        }
        return reviews.find(id).orElseThrow();
    }
}
