package dev.baton.core.scoring;

/** Whether a lead meets the MQL rule, and why in words a rep or marketer reads at a glance. */
public record MqlDecision(boolean qualified, String explanation) {

    @Override
    public String toString() {
        return explanation;
    }
}
