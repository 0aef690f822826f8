package dev.baton.core.lifecycle;

import java.util.List;
import java.util.Set;

/** What a lifecycle command came to: the lead moved, the step is not allowed now, or the command is incomplete. */
public sealed interface Outcome {

    /** The lead moved; the changes are in order, and the last one's target is the new stage. */
    record Moved(List<StageChange> changes) implements Outcome {
        public Moved {
            changes = List.copyOf(changes);
            if (changes.isEmpty()) {
                throw new IllegalArgumentException("a move has at least one change");
            }
        }

        public Stage stage() {
            return changes.get(changes.size() - 1).to();
        }
    }

    /** The step is not one the current stage allows; {@code said} tells it in the caller's terms, where it can. */
    record Refused(Stage current, Step step, Set<Step> allowed, java.util.Optional<String> said) implements Outcome {

        public Refused(Stage current, Step step, Set<Step> allowed) {
            this(current, step, allowed, java.util.Optional.empty());
        }

        public String message() {
            if (said.isPresent()) {
                return said.get();
            }
            return "a lead in stage " + current.word() + " cannot " + step.word() + "; allowed: "
                    + (allowed.isEmpty()
                            ? "nothing (" + current.word() + " is final)"
                            : String.join(", ", allowed.stream().map(Step::word).toList()));
        }
    }

    /** The command lacks what the agreement requires, such as a reason code; names the field. */
    record Incomplete(String field, String message) implements Outcome {}
}
