package dev.baton.core.scoring;

import static dev.baton.testing.Fixtures.aLead;
import static dev.baton.testing.Fixtures.aPageView;
import static dev.baton.testing.Fixtures.agreement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.Facts;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scoring spans in business time count on the agreement's calendar: here Monday to Friday 09:00-17:00 UTC, with
 * Thursday 2026-03-05 a holiday in the last case. Now is Monday 2026-03-09 10:00.
 */
class BusinessTimeScoringTest {

    private static final Instant MONDAY_10 = Instant.parse("2026-03-09T10:00:00Z");
    private static final Facts LEAD = aLead().build();

    private static String agreementText(String intent, String extra, String closed) {
        return """
                agreement: Business-time scoring
                calendar:
                  timezone: UTC
                  hours: {monday: 09:00-17:00, tuesday: 09:00-17:00, wednesday: 09:00-17:00,
                          thursday: 09:00-17:00, friday: 09:00-17:00}
                %s
                reason-codes:
                  - {code: NOT_ICP, label: Not our ideal customer, consequence: disqualify}
                fit:
                  - {name: titled, field: lead.title, present: true, points: 10}
                intent:
                  - %s
                mql:
                  threshold: 60
                %s
                """.formatted(closed, intent, extra);
    }

    private static Scorer scorer(String intent) {
        return scorer(intent, "", "");
    }

    private static Scorer scorer(String intent, String extra, String closed) {
        return new Scorer(agreement(agreementText(intent, extra, closed), "business-time scoring"));
    }

    private static EngagementEvent pricingAt(String at) {
        return aPageView("/pricing").at(at).build();
    }

    @Test
    void aBusinessWindowReachesBackOverTheWeekendToTheSameTimeTwoOpenDaysEarlier() {
        Scorer business = scorer("{name: pricing, event: page_view, points: 10, window: 2 business days}");
        Scorer wall = scorer("{name: pricing, event: page_view, points: 10, window: 2d}");
        var thursdayLate = pricingAt("2026-03-05T10:30:00Z");
        var thursdayEarly = pricingAt("2026-03-05T09:30:00Z");

        assertThat(business.score(LEAD, List.of(thursdayLate), MONDAY_10).intent())
                .isEqualTo(10);
        assertThat(business.score(LEAD, List.of(thursdayEarly), MONDAY_10).intent())
                .isZero();
        assertThat(wall.score(LEAD, List.of(thursdayLate), MONDAY_10).intent()).isZero();
        assertThat(business.lookbackFrom(MONDAY_10)).contains(Instant.parse("2026-03-05T10:00:00Z"));
    }

    @Test
    void aBusinessHalfLifeCountsAgeInOpenTimeSoInterestDoesNotFadeOverTheWeekend() {
        Scorer scorer = scorer("{name: pricing, event: page_view, points: 100, half-life: 1 business day}");

        // Friday 16:00 → Monday 10:00 is two open hours; one business day back from Monday 10:00 is eight
        int fridayLate = scorer.score(LEAD, List.of(pricingAt("2026-03-06T16:00:00Z")), MONDAY_10)
                .intent();
        int oneBusinessDayOld = scorer.score(LEAD, List.of(pricingAt("2026-03-06T10:00:00Z")), MONDAY_10)
                .intent();
        int twoOld = scorer.score(LEAD, List.of(pricingAt("2026-03-05T10:00:00Z")), MONDAY_10)
                .intent();

        assertThat(fridayLate).isEqualTo((int) Math.round(100 * Math.pow(0.5, 2.0 / 8)));
        assertThat(oneBusinessDayOld).isEqualTo(50);
        assertThat(twoOld).isEqualTo(25);
    }

    @Test
    void severalEventsEachDecayByTheirOwnOpenAge() {
        Scorer scorer = scorer("{name: pricing, event: page_view, points: 100, half-life: 8 business hours}");
        var events = List.of(
                pricingAt("2026-03-05T10:00:00Z"), // 16 open hours before Monday 10:00
                pricingAt("2026-03-07T12:00:00Z"), // a Saturday: 1 open hour, as Friday 17:00 was
                pricingAt("2026-03-09T09:00:00Z")); // 1 open hour

        double expected = 100 * (Math.pow(0.5, 2) + Math.pow(0.5, 1.0 / 8) + Math.pow(0.5, 1.0 / 8));

        assertThat(scorer.score(LEAD, events, MONDAY_10).intent()).isEqualTo((int) Math.round(expected));
    }

    @Test
    void aHolidayIsNoBusinessTimeForTheWindow() {
        Scorer withHoliday = scorer(
                "{name: pricing, event: page_view, points: 10, window: 2 business days}",
                "",
                "  holidays:\n    dates: [2026-03-05]");

        // Thursday is closed: two business days before Monday 10:00 is Wednesday 10:00
        assertThat(withHoliday
                        .score(LEAD, List.of(pricingAt("2026-03-04T10:30:00Z")), MONDAY_10)
                        .intent())
                .isEqualTo(10);
        assertThat(withHoliday.lookbackFrom(MONDAY_10)).contains(Instant.parse("2026-03-04T10:00:00Z"));
    }

    @Test
    void signalAndPriorityWindowsMayBeBusinessTimeToo() {
        String mqlAndPriority = """
                priority:
                  - {name: pricing-lately, signal: pricing, within: 1 business day}
                """;
        Scorer scorer = scorer("{name: pricing, event: page_view, points: 10}", mqlAndPriority, "");
        Scorer wall = scorer(
                "{name: pricing, event: page_view, points: 10}",
                "priority:\n  - {name: pricing-lately, signal: pricing, within: 24h}",
                "");
        var friday = List.of(pricingAt("2026-03-06T16:00:00Z"));

        assertThat(scorer.score(LEAD, friday, MONDAY_10).priority())
                .extracting(PriorityFlag::rule)
                .containsExactly("pricing-lately");
        assertThat(wall.score(LEAD, friday, MONDAY_10).priority()).isEmpty();
    }

    @Test
    void aTraceKeptForABusinessWindowIsOnlyReusedOnTheSameCalendar() {
        String rule = "{name: pricing, event: page_view, points: 10, window: 2 business days}";
        Scorer plain = scorer(rule);
        Scorer withHoliday = scorer(rule, "", "  holidays:\n    dates: [2026-03-05]");
        String wallRule = "{name: pricing, event: page_view, points: 10, window: 30d}";

        assertThat(plain.traceRules()).isEqualTo(scorer(rule).traceRules());
        assertThat(plain.traceRules()).isNotEqualTo(withHoliday.traceRules());
        assertThat(scorer(wallRule).traceRules())
                .isEqualTo(scorer(wallRule, "", "  holidays:\n    dates: [2026-03-05]")
                        .traceRules());
    }
}
