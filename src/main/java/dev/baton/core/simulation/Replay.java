package dev.baton.core.simulation;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.MqlRule;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.scoring.Score;
import dev.baton.core.scoring.Scorer;
import dev.baton.core.scoring.ScoringTrace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One agreement's scoring and MQL rule run over a lead's history: judged when the lead was created and after each
 * moment its events happened (a score only rises when evidence arrives), as the live engine would have judged it then.
 * A lead qualifies at the first moment the MQL rule holds; the peak scores are those of the moments inside the
 * period.
 */
public final class Replay {

    /** No moment of the lead fell in the period, or none met the rule's other conditions. */
    public static final int NO_SCORE = Integer.MIN_VALUE;

    private final Scorer scorer;
    private final MqlRule rule;

    public Replay(Agreement agreement) {
        this.scorer = new Scorer(agreement);
        this.rule = agreement.mql();
    }

    /**
     * What the agreement makes of a lead.
     *
     * @param qualifiedAt the first moment the MQL rule held, before the period's end
     * @param qualifiedScore the score then
     * @param peak the highest score at a moment in the period
     * @param peakEligible the highest score at a moment in the period when the rule's fit minimum and signals held:
     *     the lead would have qualified at any threshold up to it
     */
    public record Verdict(Optional<Instant> qualifiedAt, int qualifiedScore, int peak, int peakEligible) {

        public boolean qualifiedIn(Instant from, Instant to) {
            return qualifiedAt
                    .filter(at -> !at.isBefore(from) && at.isBefore(to))
                    .isPresent();
        }

        public boolean inPeriod() {
            return peak != NO_SCORE;
        }
    }

    public Verdict replay(LeadHistory lead, Instant from, Instant to) {
        return replay(lead, from, to, true);
    }

    /** When the lead first qualifies, judged as {@link #replay} does but no further: no peak scores. */
    public Verdict qualification(LeadHistory lead, Instant from, Instant to) {
        return replay(lead, from, to, false);
    }

    private Verdict replay(LeadHistory lead, Instant from, Instant to, boolean peaks) {
        List<EngagementEvent> events = lead.events();
        ScoringTrace trace = scorer.trace(List.of(), lead.createdAt());
        int factPoints = scorer.factPoints(lead.facts());
        Optional<Instant> qualifiedAt = Optional.empty();
        int qualifiedScore = NO_SCORE;
        int peak = NO_SCORE;
        int peakEligible = NO_SCORE;
        int next = 0;
        Instant moment = lead.createdAt();
        while (moment.isBefore(to)) {
            var arrived = new ArrayList<EngagementEvent>();
            while (next < events.size() && !events.get(next).occurredAt().isAfter(moment)) {
                arrived.add(events.get(next++));
            }
            if (!arrived.isEmpty()) {
                trace = scorer.extend(trace, arrived, moment);
            }
            Score score = scorer.judge(factPoints, trace, moment);
            if (qualifiedAt.isEmpty() && score.mql().qualified()) {
                qualifiedAt = Optional.of(moment);
                qualifiedScore = score.total();
                if (!peaks) {
                    break;
                }
            }
            if (!moment.isBefore(from)) {
                peak = Math.max(peak, score.total());
                if (eligible(score)) {
                    peakEligible = Math.max(peakEligible, score.total());
                }
            }
            if (next == events.size()) {
                break;
            }
            moment = events.get(next).occurredAt();
        }
        return new Verdict(qualifiedAt, qualifiedScore, peak, peakEligible);
    }

    /** Whether the rule's conditions other than its threshold hold for the score. */
    private boolean eligible(Score score) {
        return score.fit() >= rule.minFit()
                && rule.signals()
                        .map(s -> score.signals().size() >= s.atLeast())
                        .orElse(true);
    }

    /** What picks the events this agreement's rules read. */
    public List<dev.baton.core.agreement.EventMatcher> eventMatchers() {
        return scorer.eventMatchers();
    }

    public int threshold() {
        return rule.threshold();
    }
}
