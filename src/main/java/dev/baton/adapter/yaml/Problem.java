package dev.baton.adapter.yaml;

/** A mistake in an agreement file, at a 1-based line and column. */
public record Problem(int line, int column, String message) implements Comparable<Problem> {

    @Override
    public int compareTo(Problem other) {
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    /** {@code file:line:col: message}, the form editors and CI logs link to. */
    public String format(String source) {
        return source + ":" + line + ":" + column + ": " + message;
    }
}
