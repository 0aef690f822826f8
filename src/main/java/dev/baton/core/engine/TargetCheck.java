package dev.baton.core.engine;

import dev.baton.core.agreement.Target;
import dev.baton.core.metrics.Measure;
import dev.baton.core.metrics.Metric;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a target is far from what the history supports: an at-least more than half again above what was measured,
 * or below half of it (a target met twice over holds nobody to account); an at-most under two thirds of what was
 * measured, or above twice it. A warning, never a refusal: a team may mean to stretch.
 */
public final class TargetCheck {

    /** How far above (or below) the measured figure a target may be before it is called far from it. */
    static final double STRETCH = 1.5;

    static final double SLACK = 2.0;

    private TargetCheck() {}

    /** The warning for a target against the figure measured over a recent period, if it is far from it. */
    public static Optional<String> against(Target target, double measured, String period) {
        String id = target.metric().id();
        String was = format(target.metric().kind(), measured);
        if (target.atLeast().isPresent()) {
            Measure floor = target.atLeast().get();
            double wanted = floor.inFigures();
            if (wanted > measured * STRETCH) {
                return Optional.of(id + ": at-least " + floor + " is far above the " + was + " measured " + period
                        + (measured == 0 ? "" : " (" + times(wanted / measured) + ")"));
            }
            if (wanted * SLACK < measured) {
                return Optional.of(id + ": at-least " + floor + " is less than half the " + was + " measured " + period
                        + "; it would be met without trying");
            }
        }
        if (target.atMost().isPresent()) {
            Measure ceiling = target.atMost().get();
            double allowed = ceiling.inFigures();
            if (allowed * STRETCH < measured) {
                return Optional.of(id + ": at-most " + ceiling + " is far below the " + was + " measured " + period
                        + (allowed == 0 ? "" : " (" + times(measured / allowed) + ")"));
            }
            if (allowed > measured * SLACK && measured > 0) {
                return Optional.of(id + ": at-most " + ceiling + " is more than twice the " + was + " measured "
                        + period + "; it would be met without trying");
            }
        }
        return Optional.empty();
    }

    /** A figure as the agreement would write it: 42%, 3.5h, 120, 25000, 3.1x. */
    public static String format(Metric.Kind kind, double figure) {
        return switch (kind) {
            case PERCENT -> String.format(Locale.ROOT, "%.0f%%", figure * 100);
            case DURATION -> String.format(Locale.ROOT, "%.1fh", figure);
            case RATIO -> String.format(Locale.ROOT, "%.1fx", figure);
            case COUNT ->
                figure == Math.rint(figure)
                        ? String.format(Locale.ROOT, "%.0f", figure)
                        : String.format(Locale.ROOT, "%.1f", figure);
            case AMOUNT -> String.format(Locale.ROOT, "%.0f", figure);
        };
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, "%.1f× it", ratio);
    }
}
