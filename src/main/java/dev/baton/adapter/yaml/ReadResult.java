package dev.baton.adapter.yaml;

import dev.baton.core.agreement.Agreement;
import java.util.List;
import java.util.Optional;

/** The outcome of reading an agreement file: the agreement, or every problem found. */
public record ReadResult(Optional<Agreement> agreement, List<Problem> problems) {

    public ReadResult {
        problems = problems.stream().sorted().toList();
        if (agreement.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("a result has an agreement or problems, not both or neither");
        }
    }

    static ReadResult valid(Agreement agreement) {
        return new ReadResult(Optional.of(agreement), List.of());
    }

    static ReadResult invalid(List<Problem> problems) {
        return new ReadResult(Optional.empty(), problems);
    }

    public boolean isValid() {
        return agreement.isPresent();
    }

    /** The agreement; only call after {@link #isValid()}. */
    public Agreement orThrow() {
        return agreement.orElseThrow(() -> new IllegalStateException("invalid agreement: " + problems));
    }
}
