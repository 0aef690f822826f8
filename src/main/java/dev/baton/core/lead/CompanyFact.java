package dev.baton.core.lead;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which value of a company field the company shows when its leads disagree. A value set on the company itself wins;
 * otherwise the value the most leads report, each lead counting once with the latest value it sent; on a tie the
 * company keeps the value it has, or, if that is not among the tied, takes the one reported first.
 */
public final class CompanyFact {

    private CompanyFact() {}

    /** How many leads report a value, and when the first of them did. */
    public record Tally(String value, long leads, Instant firstAt) {}

    /** The value the company shows, and why, in a sentence for its history. */
    public record Decision(String value, String why) {}

    public static Optional<Decision> decide(Optional<String> current, Optional<String> pinned, List<Tally> tallies) {
        if (pinned.isPresent()) {
            return Optional.of(new Decision(pinned.get(), "set on the company"));
        }
        if (tallies.isEmpty()) {
            return Optional.empty();
        }
        long most = tallies.stream().mapToLong(Tally::leads).max().orElseThrow();
        long all = tallies.stream().mapToLong(Tally::leads).sum();
        List<Tally> tied = tallies.stream().filter(t -> t.leads() == most).toList();
        Tally winner = tied.stream()
                .filter(t -> current.isPresent() && t.value().equals(current.get()))
                .findFirst()
                .orElseGet(() -> tied.stream()
                        .min(Comparator.comparing(Tally::firstAt).thenComparing(Tally::value))
                        .orElseThrow());
        String why = all == 1
                ? "reported by its only lead that gives it"
                : "reported by " + winner.leads() + " of the " + all + " leads that give it"
                        + (tied.size() > 1 ? "; a tie keeps the value the company had, or the first reported" : "");
        return Optional.of(new Decision(winner.value(), why));
    }
}
