package dev.baton.core.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A review a program escalation opened when a shared number slipped: what tripped (the escalation and its trigger),
 * the figures month by month, the period, the owners it notified, and, once someone closes it, who did and why. One
 * trigger has at most one open review; a review is never opened twice for the same trigger and period.
 */
public record ReviewItem(
        long id,
        String escalation,
        int trigger,
        String tripped,
        Metric metric,
        String action,
        LocalDate from,
        LocalDate to,
        List<MonthFigure> figures,
        Map<String, String> owners,
        State state,
        Instant openedAt,
        Optional<Instant> closedAt,
        Optional<String> closedBy,
        Optional<String> note) {

    public ReviewItem {
        figures = List.copyOf(figures);
        owners = Map.copyOf(owners);
    }

    /** Whether someone has closed it yet. */
    public enum State {
        OPEN,
        CLOSED
    }

    /** One month's figure of the metric that tripped, and the line it crossed. */
    public record MonthFigure(String month, double value, double line) {}

    /** A review about to be opened, before it has an id. */
    public record Draft(
            String escalation,
            int trigger,
            String tripped,
            Metric metric,
            String action,
            LocalDate from,
            LocalDate to,
            List<MonthFigure> figures,
            Map<String, String> owners,
            Instant openedAt) {}
}
