package dev.baton.adapter.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one read, each at the position of the node it is about. */
final class Context {

    private final List<Problem> problems = new ArrayList<>();

    void report(Node node, String message) {
        problems.add(new Problem(
                node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, message));
    }

    void report(int line, int column, String message) {
        problems.add(new Problem(line, column, message));
    }

    List<Problem> problems() {
        return problems;
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Builds a domain value, turning the rule it refuses into a problem at the node it came from. */
    <T> Optional<T> build(Node node, String path, Supplier<T> factory) {
        try {
            return Optional.of(factory.get());
        } catch (IllegalArgumentException e) {
            report(node, path + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
