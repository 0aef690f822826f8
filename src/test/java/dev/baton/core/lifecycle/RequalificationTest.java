package dev.baton.core.lifecycle;

import static dev.baton.testing.Fixtures.NOW;
import static dev.baton.testing.Fixtures.aDemoRequest;
import static dev.baton.testing.Fixtures.aPageView;
import static dev.baton.testing.Fixtures.anEvent;
import static dev.baton.testing.Fixtures.anIdealLead;
import static dev.baton.testing.Fixtures.events;
import static dev.baton.testing.Fixtures.saasAgreement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.Facts;
import dev.baton.core.scoring.Score;
import dev.baton.core.scoring.Scorer;
import dev.baton.core.scoring.ScoringTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A lead that sales sent back earns its next qualification on engagement that came after: under the SaaS example (60
 * points, fit 30, 2 of 6 signals in 30 days), an ideal lead has fit 50, a demo request is 30, a pricing-page view 10
 * (halving every 14 days) and 1 more as a site visit, an email click 2.
 */
class RequalificationTest {

    private static final Scorer SCORER = new Scorer(saasAgreement());
    private static final Lifecycle LIFECYCLE = new Lifecycle(saasAgreement(), 4);
    private static final Facts IDEAL = anIdealLead().build();
    private static final Instant SENT_BACK = NOW.minus(Duration.ofDays(3));

    /** The demo request and pricing view that made the lead an MQL, a week ago. */
    private static final List<EngagementEvent> BEFORE = events(
            aDemoRequest().at(NOW.minus(Duration.ofDays(7))),
            aPageView("/pricing").at(NOW.minus(Duration.ofDays(7)).plusSeconds(60)));

    private static ScoringTrace trace(List<EngagementEvent> later) {
        var all = new ArrayList<>(BEFORE);
        all.addAll(later);
        return SCORER.trace(all, NOW);
    }

    /** What the engine judges a lead with this status on: its score on the engagement that counts for it. */
    private static Optional<StageChange.LeadQualified> judge(LeadStatus status, List<EngagementEvent> later) {
        ScoringTrace trace = trace(later);
        Score counted = status.evidenceAfter()
                .map(after -> SCORER.judge(IDEAL, SCORER.since(trace, after), NOW))
                .orElseGet(() -> SCORER.judge(IDEAL, trace, NOW));
        return LIFECYCLE.qualify(status, counted, "scoring");
    }

    private static LeadStatus nurturedBySales() {
        return new LeadStatus(Stage.MQL, 1, Optional.empty())
                .after(new StageChange.LeadRejected(Stage.MQL, SENT_BACK, "rep", "NO_RESPONSE", Optional.empty()))
                .after(new StageChange.LeadNurtured(Stage.REJECTED, SENT_BACK, "rep", Optional.of("NO_RESPONSE")));
    }

    @Test
    void theEngagementThatMadeItAnMqlStillScoresButNoLongerQualifiesIt() {
        LeadStatus nurtured = nurturedBySales();

        // 50 + 30 + 10 × 2^(-7/14) + 1 = 88
        assertThat(SCORER.judge(IDEAL, trace(List.of()), NOW).total()).isEqualTo(88);
        assertThat(nurtured.sentBackAt()).contains(SENT_BACK);
        assertThat(judge(nurtured, List.of())).isEmpty();
    }

    @Test
    void newEngagementThatMeetsTheRuleOnItsOwnQualifiesItAgain() {
        Optional<StageChange.LeadQualified> again = judge(
                nurturedBySales(),
                events(
                        aDemoRequest().at(NOW.minusSeconds(600)),
                        aPageView("/pricing").at(NOW.minusSeconds(300))));

        assertThat(again).isPresent();
        assertThat(again.get().cycle()).isEqualTo(2);
        assertThat(again.get().score()).isEqualTo(91);
        assertThat(again.get().why())
                .isEqualTo("qualified again on engagement after " + SENT_BACK
                        + ": score 91 ≥ 60, fit 50 ≥ 30, 2 signals ≥ 2");
    }

    @Test
    void oneNewSignalOnTopOfTheOldOnesIsNotEnough() {
        List<EngagementEvent> click = events(anEvent("email_clicked").at(NOW.minusSeconds(60)));

        assertThat(SCORER.judge(IDEAL, trace(click), NOW).mql().qualified()).isTrue();
        assertThat(judge(nurturedBySales(), click)).isEmpty();
        Requalification where =
                new Requalification(SENT_BACK, SCORER.judge(IDEAL, SCORER.since(trace(click), SENT_BACK), NOW));
        assertThat(where.explanation())
                .isEqualTo("not yet, counting engagement after " + SENT_BACK
                        + ": score 52 < 60 (8 short); needs one more intent signal in the last 30 days");
    }

    @Test
    void withoutAnyNewEngagementItSaysSo() {
        Requalification where =
                new Requalification(SENT_BACK, SCORER.judge(IDEAL, SCORER.since(trace(List.of()), SENT_BACK), NOW));

        assertThat(where.qualifies()).isFalse();
        assertThat(where.explanation()).startsWith("not yet: no engagement after " + SENT_BACK);
    }

    @Test
    void aLeadMarketingNurturedItselfQualifiesOnAllItsEngagement() {
        LeadStatus nurtured = LeadStatus.fresh()
                .after(new StageChange.LeadNurtured(Stage.LEAD, SENT_BACK, "marketing", Optional.empty()));

        assertThat(nurtured.sentBackAt()).isEmpty();
        assertThat(judge(nurtured, List.of())).isPresent();
    }

    @Test
    void aRecycledLeadNeedsEngagementAfterItsCoolOff() {
        Instant coolOffEnds = NOW.minus(Duration.ofDays(1));
        LeadStatus recycled = new LeadStatus(Stage.ACCEPTED, 1, Optional.empty())
                .after(new StageChange.LeadRecycled(
                        Stage.ACCEPTED, SENT_BACK, "rep", Optional.of("BAD_TIMING"), Optional.of(coolOffEnds)));
        List<EngagementEvent> duringCoolOff = events(
                aDemoRequest().at(coolOffEnds.minusSeconds(7200)),
                aPageView("/pricing").at(coolOffEnds.minusSeconds(3600)));
        List<EngagementEvent> afterCoolOff = events(
                aDemoRequest().at(NOW.minusSeconds(600)), aPageView("/pricing").at(NOW.minusSeconds(300)));

        assertThat(recycled.evidenceAfter()).contains(coolOffEnds);
        assertThat(judge(recycled, duringCoolOff)).isEmpty();
        assertThat(judge(recycled, afterCoolOff)).isPresent();
    }

    @Test
    void anUnsubscribeBeforeTheSendBackStillCountsAgainstTheLead() {
        List<EngagementEvent> unsubscribedThenEngaged =
                new ArrayList<>(events(anEvent("email_unsubscribed").at(SENT_BACK.minusSeconds(60))));
        unsubscribedThenEngaged.addAll(events(
                aDemoRequest().at(NOW.minusSeconds(600)), aPageView("/pricing").at(NOW.minusSeconds(300))));

        Score fresh = SCORER.judge(IDEAL, SCORER.since(trace(unsubscribedThenEngaged), SENT_BACK), NOW);

        assertThat(fresh.fit()).isEqualTo(50 - 30);
        assertThat(fresh.mql().explanation()).contains("fit 20 < 30");
        assertThat(judge(nurturedBySales(), unsubscribedThenEngaged)).isEmpty();
    }

    @Test
    void qualifyingAgainEndsTheSendBackAndAnotherSendBackStartsAnew() {
        LeadStatus mqlAgain = nurturedBySales()
                .after(judge(
                                nurturedBySales(),
                                events(
                                        aDemoRequest().at(NOW.minusSeconds(600)),
                                        aPageView("/pricing").at(NOW.minusSeconds(300))))
                        .orElseThrow());
        LeadStatus recycledAgain = mqlAgain.after(
                        new StageChange.LeadRejected(Stage.MQL, NOW, "rep", "NO_BUDGET", Optional.empty()))
                .after(new StageChange.LeadRecycled(
                        Stage.REJECTED, NOW, "rep", Optional.of("NO_BUDGET"), Optional.empty()));

        assertThat(mqlAgain.sentBackAt()).isEmpty();
        assertThat(mqlAgain.stage()).isEqualTo(Stage.MQL);
        assertThat(recycledAgain.sentBackAt()).contains(NOW);
    }
}
