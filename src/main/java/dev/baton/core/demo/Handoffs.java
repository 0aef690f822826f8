package dev.baton.core.demo;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.calendar.BusinessCalendar;
import dev.baton.core.lead.Activity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * What the reps do with an MQL, at plausible times on their team's business calendar: most answer within the accept
 * deadline, some late (a breach), a few not at all until the timers give the lead to someone else; then they reject it
 * with a reason code, or accept, call, meet, qualify, open an opportunity and win or lose it.
 */
final class Handoffs {

    private static final List<String> LOST = List.of(
            "Chose a competitor",
            "No decision: the project was shelved",
            "Price above their budget",
            "Built it in-house");

    private final Agreement agreement;
    private final Random random;
    private final Profiles profiles;
    private final List<Move> moves;

    Handoffs(Agreement agreement, Random random, Profiles profiles, List<Move> moves) {
        this.agreement = agreement;
        this.random = random;
        this.profiles = profiles;
        this.moves = moves;
    }

    BusinessCalendar calendarOf(String team) {
        return agreement
                .team(team)
                .map(found -> agreement.calendarOf(found.reps().get(0).email()))
                .orElseGet(() -> agreement.calendar().calendar());
    }

    /** Plans the reps' steps after the lead qualified at {@code at}; returns the rejection, if sales rejects it. */
    Optional<Move.Reject> handOff(DemoPlanner.Journey lead, Instant at, boolean priority, double quality) {
        BusinessCalendar calendar = lead.calendar();
        String email = lead.email();
        Instant answered = answer(calendar, at, priority);
        if (random.nextDouble() < 0.05) {
            Instant handed = business(calendar, at, 20, 90);
            moves.add(new Move.Reassign(handed, email, "the rep is out today; a teammate takes it"));
            answered = later(answered, business(calendar, handed, 15, 60));
        }
        if (random.nextDouble() < 0.10 + (1 - quality) * 0.35) {
            var rejected = rejection(answered, email, lead.company().icp());
            moves.add(rejected);
            return Optional.of(rejected);
        }
        moves.add(new Move.Accept(answered, email));
        Instant touched = priority
                ? answered.plus(Duration.ofMinutes(profiles.between(5, 60)))
                : random.nextDouble() < 0.08
                        ? later(
                                at.plus(Duration.ofMinutes(profiles.between(25 * 60, 28 * 60))),
                                answered.plus(Duration.ofMinutes(20)))
                        : answered.plus(Duration.ofMinutes(profiles.between(5, 240)));
        if (random.nextDouble() < 0.12) {
            unanswered(calendar, touched, email);
            return Optional.empty();
        }
        moves.add(new Move.Touch(touched, email, Activity.Type.CALL, Optional.of(Activity.CONNECTED)));
        Instant met = business(calendar, touched, 8 * 60, 24 * 60);
        moves.add(new Move.Touch(met, email, Activity.Type.MEETING, Optional.empty()));
        if (random.nextDouble() > 0.35 + quality * 0.45) {
            moves.add(new Move.Nurture(business(calendar, met, 60, 300), email, Optional.of("BAD_TIMING")));
            return Optional.empty();
        }
        Instant qualified = business(calendar, met, 30, 240);
        moves.add(new Move.Qualify(qualified, email, bant()));
        if (random.nextDouble() > 0.75) {
            moves.add(new Move.Nurture(
                    business(calendar, qualified.plus(Duration.ofDays(profiles.between(10, 25))), 1, 240),
                    email,
                    Optional.of("NO_BUDGET")));
            return Optional.empty();
        }
        opportunity(lead, calendar, business(calendar, qualified, 8 * 60, 6 * 8 * 60), quality);
        return Optional.empty();
    }

    /** When the rep accepts or rejects: mostly in time, some late, a few only after the timers reassigned it. */
    private Instant answer(BusinessCalendar calendar, Instant at, boolean priority) {
        double roll = random.nextDouble();
        if (roll < 0.06) {
            return business(calendar, at, 13 * 60, 18 * 60);
        }
        if (roll < 0.18) {
            return business(calendar, at, 5 * 60, (priority ? 7 : 10) * 60);
        }
        return business(calendar, at, 5, 180);
    }

    private Move.Reject rejection(Instant at, String email, boolean icp) {
        String code = profiles.pickWeighted(
                List.of("NOT_ICP", "BAD_CONTACT_DATA", "ALREADY_IN_PIPELINE", "NO_BUDGET", "BAD_TIMING"),
                new int[] {icp ? 1 : 6, 2, 1, 2, 3});
        String note = switch (code) {
            case "NOT_ICP" -> "Outside our segment";
            case "BAD_CONTACT_DATA" -> "The phone number is dead and the email bounces";
            case "ALREADY_IN_PIPELINE" -> "The account is in an open deal already";
            case "NO_BUDGET" -> "No budget until the next fiscal year";
            default -> "Interested, but not before next half";
        };
        return new Move.Reject(at, email, code, note);
    }

    /** Three attempts nobody answers: the timers close the lead as unresponsive when the attempts window ends. */
    private void unanswered(BusinessCalendar calendar, Instant first, String email) {
        moves.add(new Move.Touch(first, email, Activity.Type.CALL, Optional.of("no answer")));
        Instant second = business(calendar, first, 8 * 60, 16 * 60);
        moves.add(new Move.Touch(second, email, Activity.Type.EMAIL, Optional.empty()));
        moves.add(new Move.Touch(
                business(calendar, second, 16 * 60, 24 * 60), email, Activity.Type.CALL, Optional.of("voicemail")));
    }

    private void opportunity(DemoPlanner.Journey lead, BusinessCalendar calendar, Instant opened, double quality) {
        String email = lead.email();
        int employees = lead.company().employees();
        long amount =
                Math.round((9_000 + Math.min(employees, 1_500) * 110) * (0.7 + random.nextDouble() * 0.7) / 500) * 500;
        LocalDate close = LocalDate.ofInstant(opened, ZoneOffset.UTC).plusDays(profiles.between(30, 75));
        moves.add(new Move.Open(
                opened,
                email,
                BigDecimal.valueOf(amount),
                currency(lead.company().country()),
                close));
        Instant demo = business(calendar, opened, 8 * 60, 5 * 8 * 60);
        moves.add(new Move.Touch(demo, email, Activity.Type.MEETING, Optional.empty()));
        Instant decided = business(calendar, opened.plus(Duration.ofDays(profiles.between(15, 55))), 1, 300);
        if (random.nextDouble() < 0.22 + quality * 0.3) {
            moves.add(new Move.Win(decided, email));
        } else {
            moves.add(new Move.Lose(decided, email, profiles.pick(LOST)));
        }
    }

    private Map<String, String> bant() {
        return Map.of(
                "budget",
                "$" + profiles.between(2, 9) * 10 + "k set aside this year",
                "authority",
                profiles.pick(List.of("VP Marketing signs", "CFO signs off", "Head of RevOps decides")),
                "need",
                profiles.pick(List.of(
                        "Leads wait two days for a first call",
                        "No shared MQL definition",
                        "Reps ignore marketing leads")),
                "timeline",
                "Decision within " + profiles.between(3, 12) * 7 + " days");
    }

    private static String currency(String country) {
        return switch (country) {
            case "US" -> "USD";
            case "CA" -> "CAD";
            case "GB" -> "GBP";
            case "SE" -> "SEK";
            default -> "EUR";
        };
    }

    private Instant business(BusinessCalendar calendar, Instant at, int min, int max) {
        return DemoPlanner.business(calendar, at, profiles.between(min, max));
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }
}
