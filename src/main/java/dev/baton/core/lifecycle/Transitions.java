package dev.baton.core.lifecycle;

import static dev.baton.core.lifecycle.Step.ACCEPT;
import static dev.baton.core.lifecycle.Step.DISQUALIFY;
import static dev.baton.core.lifecycle.Step.LOSE;
import static dev.baton.core.lifecycle.Step.NURTURE;
import static dev.baton.core.lifecycle.Step.OPEN_OPPORTUNITY;
import static dev.baton.core.lifecycle.Step.QUALIFY;
import static dev.baton.core.lifecycle.Step.QUALIFY_SQL;
import static dev.baton.core.lifecycle.Step.RECYCLE;
import static dev.baton.core.lifecycle.Step.REJECT;
import static dev.baton.core.lifecycle.Step.WIN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The lifecycle's transition table: from each stage, the steps that may be taken. */
public final class Transitions {

    private static final Map<Stage, Set<Step>> ALLOWED = new EnumMap<>(Stage.class);

    static {
        allow(Stage.LEAD, QUALIFY, NURTURE, DISQUALIFY);
        allow(Stage.MQL, ACCEPT, REJECT, NURTURE, DISQUALIFY);
        allow(Stage.ACCEPTED, QUALIFY_SQL, NURTURE, RECYCLE, DISQUALIFY);
        allow(Stage.SQL, OPEN_OPPORTUNITY, NURTURE, RECYCLE, DISQUALIFY);
        allow(Stage.OPPORTUNITY, WIN, LOSE);
        allow(Stage.WON);
        allow(Stage.LOST, NURTURE, RECYCLE);
        allow(Stage.NURTURE, QUALIFY, RECYCLE, DISQUALIFY);
        allow(Stage.RECYCLED, QUALIFY, NURTURE, DISQUALIFY);
        allow(Stage.DISQUALIFIED);
        allow(Stage.REJECTED, NURTURE, RECYCLE, DISQUALIFY);
    }

    private Transitions() {}

    private static void allow(Stage from, Step... steps) {
        Set<Step> set = EnumSet.noneOf(Step.class);
        set.addAll(java.util.List.of(steps));
        ALLOWED.put(from, set);
    }

    public static boolean allows(Stage from, Step step) {
        return ALLOWED.get(from).contains(step);
    }

    /** The steps that may be taken from a stage, in the table's order. */
    public static Set<Step> from(Stage stage) {
        return java.util.Collections.unmodifiableSet(ALLOWED.get(stage));
    }
}
