package dev.baton.core.lifecycle;

import java.util.Locale;

/** A move from one stage to another, named as the command that makes it. */
public enum Step {
    QUALIFY(Stage.MQL),
    ACCEPT(Stage.ACCEPTED),
    REJECT(Stage.REJECTED),
    QUALIFY_SQL(Stage.SQL),
    OPEN_OPPORTUNITY(Stage.OPPORTUNITY),
    WIN(Stage.WON),
    LOSE(Stage.LOST),
    NURTURE(Stage.NURTURE),
    RECYCLE(Stage.RECYCLED),
    DISQUALIFY(Stage.DISQUALIFIED);

    private final Stage target;

    Step(Stage target) {
        this.target = target;
    }

    public Stage target() {
        return target;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
