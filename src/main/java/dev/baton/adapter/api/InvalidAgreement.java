package dev.baton.adapter.api;

import dev.baton.adapter.yaml.Problem;
import java.util.List;

/** An agreement file that failed validation, with every problem. */
final class InvalidAgreement extends RuntimeException {

    private final List<Problem> problems;

    InvalidAgreement(List<Problem> problems) {
        super(problems.size() + " problem(s) in the agreement");
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }
}
