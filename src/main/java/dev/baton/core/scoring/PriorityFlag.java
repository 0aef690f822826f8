package dev.baton.core.scoring;

/** A priority rule that fired, with the reason. */
public record PriorityFlag(String rule, String reason) {}
