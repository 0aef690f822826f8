package dev.baton.core.metrics;

/**
 * The pipeline that one kind of engagement shows up in, for one part of a breakdown (a source, by default): of the
 * opportunities opened in the period, those whose lead had an event of this type before the opportunity opened — how
 * many, their amounts, and how many of them were won and for how much. A lead with several kinds of engagement counts
 * under each, so the types of a part overlap; {@code type} is {@link #ALL} for every opportunity of the part.
 */
public record Engagement(String key, String type, long opportunities, double pipeline, long won, double revenue) {

    /** The type of the line that holds every opportunity of its part, engaged or not. */
    public static final String ALL = "(all)";
}
