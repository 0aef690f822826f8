package dev.baton.app;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.Team;
import dev.baton.core.demo.DemoPlan;
import dev.baton.core.demo.Move;
import dev.baton.core.engine.ActiveAgreement;
import dev.baton.core.engine.Activities;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.DueClocks;
import dev.baton.core.engine.LeadCommands;
import dev.baton.core.engine.LeadIntake;
import dev.baton.core.engine.Reassignments;
import dev.baton.core.engine.SlaClocks;
import dev.baton.core.engine.Transactions;
import dev.baton.core.lead.Activity;
import dev.baton.core.lead.Email;
import dev.baton.core.lead.RawEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out a demo plan through the real use cases, walking the demo's clock forward through it: at each tick the
 * leads that arrive and their engagement are taken in (scoring, qualifying and routing them as live intake would),
 * the reps' steps are taken by whoever holds each lead then, and the service-level timers run at least hourly, so that
 * reminders, breaches and reassignments happen at their own times.
 */
final class DemoFunnel {

    /** What was written: leads, events, reps' steps, steps the lead had moved past, and what the timers found. */
    record Result(int leads, int events, int steps, int skipped, int timers) {}

    private static final Duration TIMER_ROUND = Duration.ofHours(1);
    private static final String ACTOR = "demo";

    private final DemoClock clock;
    private final LeadIntake intake;
    private final LeadCommands commands;
    private final Activities activities;
    private final Reassignments reassignments;
    private final DueClocks due;
    private final SlaClocks clocks;
    private final ActiveAgreement active;
    private final Transactions transactions;
    private final Map<String, Long> ids = new HashMap<>();
    private Instant timersRan = Instant.MIN;
    private int leads;
    private int events;
    private int steps;
    private int skipped;
    private int timers;

    DemoFunnel(
            Clock clock,
            LeadIntake intake,
            LeadCommands commands,
            Activities activities,
            Reassignments reassignments,
            DueClocks due,
            SlaClocks clocks,
            ActiveAgreement active,
            Transactions transactions) {
        if (!(clock instanceof DemoClock demo)) {
            throw new IllegalStateException("baton.demo writes its history by the demo's clock, not by " + clock);
        }
        this.clock = demo;
        this.intake = intake;
        this.commands = commands;
        this.activities = activities;
        this.reassignments = reassignments;
        this.due = due;
        this.clocks = clocks;
        this.active = active;
        this.transactions = transactions;
    }

    DemoClock clock() {
        return clock;
    }

    /**
     * Writes the plan's history, leaving the clock at the plan's end. Each day of it is one transaction, which the use
     * cases join, so that thousands of small changes wait for the disk once a day of history rather than each.
     */
    Result carryOut(DemoPlan plan) {
        timersRan = plan.from();
        List<Move> moves = plan.moves();
        int i = 0;
        while (i < moves.size()) {
            LocalDate day = LocalDate.ofInstant(moves.get(i).at(), ZoneOffset.UTC);
            int end = i;
            while (end < moves.size()
                    && LocalDate.ofInstant(moves.get(end).at(), ZoneOffset.UTC).equals(day)) {
                end++;
            }
            List<Move> ofDay = moves.subList(i, end);
            transactions.inTransaction(() -> {
                takeDay(ofDay);
                return ofDay.size();
            });
            i = end;
        }
        transactions.inTransaction(() -> runTimersUntil(plan.to(), true));
        return new Result(leads, events, steps, skipped, timers);
    }

    private void takeDay(List<Move> moves) {
        for (int i = 0; i < moves.size(); ) {
            Instant tick = DemoPlan.tick(moves.get(i).at());
            int end = i;
            while (end < moves.size() && DemoPlan.tick(moves.get(end).at()).equals(tick)) {
                end++;
            }
            List<Move> now = moves.subList(i, end);
            // a rep's step comes after whatever the timers did before it, a reassignment above all; intake can wait
            // for the next round
            runTimersUntil(tick.minus(DemoPlan.TICK), now.stream().anyMatch(DemoFunnel::isSales));
            clock.set(tick);
            take(now);
            i = end;
        }
    }

    private static boolean isSales(Move move) {
        return !(move instanceof Move.Arrive) && !(move instanceof Move.Engage);
    }

    /** Runs the timers every round up to {@code until}, and at {@code until} itself when {@code there}. */
    private int runTimersUntil(Instant until, boolean there) {
        while (!timersRan.plus(TIMER_ROUND).isAfter(until)) {
            runTimersAt(timersRan.plus(TIMER_ROUND));
        }
        if (there && timersRan.isBefore(until)) {
            runTimersAt(until);
        }
        return timers;
    }

    private void runTimersAt(Instant at) {
        timersRan = at;
        // never back: a round may be due before the last tick of intake, and what is due then is due now
        clock.set(at.isAfter(clock.instant()) ? at : clock.instant());
        timers += due.drain(500);
    }

    private void take(List<Move> moves) {
        var arrivals = new ArrayList<LeadIntake.LeadInput>();
        var engagement = new ArrayList<RawEvent>();
        var rest = new ArrayList<Move>();
        for (Move move : moves) {
            if (move instanceof Move.Arrive arrive) {
                arrivals.add(new LeadIntake.LeadInput(email(arrive.email()), arrive.fields()));
            } else if (move instanceof Move.Engage engage) {
                engagement.add(new RawEvent(
                        engage.eventId(),
                        Optional.empty(),
                        Optional.of(email(engage.email())),
                        Optional.empty(),
                        engage.type(),
                        engage.at(),
                        engage.properties()));
            } else {
                rest.add(move);
            }
        }
        if (!arrivals.isEmpty()) {
            intake.upsertAll(arrivals, ACTOR)
                    .forEach(upserted -> ids.put(
                            upserted.lead().email().address(), upserted.lead().id()));
            leads += arrivals.size();
        }
        if (!engagement.isEmpty()) {
            intake.ingest(engagement, ACTOR);
            events += engagement.size();
        }
        for (Move move : rest) {
            try {
                transactions.inSavepoint(() -> {
                    step(move, ids.get(email(move.email()).address()));
                    return move;
                });
                steps++;
            } catch (BatonException movedOn) {
                // the timers got there first (a lead closed as unresponsive, say): the rep's step no longer applies
                skipped++;
            }
        }
    }

    private void step(Move move, long lead) {
        String rep = ownerOf(lead);
        Optional<Instant> at = Optional.of(move.at());
        if (move instanceof Move.Touch touch) {
            activities.log(lead, new Activity(touch.type(), touch.at(), rep, touch.outcome(), Optional.empty()));
        } else if (move instanceof Move.Reassign reassign) {
            reassignments.reassign(lead, teammateOf(rep), Optional.of(reassign.reason()), managerOf(rep));
        } else if (move instanceof Move.Accept) {
            commands.runAt(lead, at, ACTOR, (lifecycle, status, when) -> lifecycle.accept(status, rep, when));
        } else if (move instanceof Move.Reject reject) {
            commands.runAt(
                    lead,
                    at,
                    ACTOR,
                    (lifecycle, status, when) -> lifecycle.reject(
                            status, Optional.of(reject.reasonCode()), Optional.of(reject.note()), rep, when));
        } else if (move instanceof Move.Qualify qualify) {
            commands.runAt(
                    lead,
                    at,
                    ACTOR,
                    (lifecycle, status, when) -> lifecycle.qualifyToSql(status, qualify.bant(), rep, when));
        } else if (move instanceof Move.Open open) {
            commands.runAt(
                    lead,
                    at,
                    ACTOR,
                    (lifecycle, status, when) -> lifecycle.openOpportunity(
                            status,
                            Optional.of(open.amount()),
                            Optional.of(open.currency()),
                            Optional.of(open.expectedClose()),
                            rep,
                            when));
        } else if (move instanceof Move.Win) {
            commands.runAt(lead, at, ACTOR, (lifecycle, status, when) -> lifecycle.win(status, rep, when));
        } else if (move instanceof Move.Lose lose) {
            commands.runAt(
                    lead,
                    at,
                    ACTOR,
                    (lifecycle, status, when) -> lifecycle.lose(status, Optional.of(lose.reason()), rep, when));
        } else if (move instanceof Move.Nurture nurture) {
            commands.runAt(
                    lead,
                    at,
                    ACTOR,
                    (lifecycle, status, when) -> lifecycle.nurture(status, nurture.reasonCode(), rep, when));
        } else {
            throw new IllegalArgumentException("a demo step the generator does not know: " + move);
        }
    }

    /** Whoever holds the lead now; a lead in the queue is its owner's. */
    private String ownerOf(long lead) {
        return clocks.of(lead)
                .owner()
                .orElseGet(() -> agreement()
                        .routing()
                        .map(routing -> routing.fallback().owner())
                        .orElse(ACTOR));
    }

    private String teammateOf(String rep) {
        return teamOf(rep)
                .flatMap(team -> team.reps().stream()
                        .map(Team.Rep::email)
                        .filter(other -> !other.equals(rep))
                        .findFirst())
                .orElseThrow(() -> new BatonException.Conflict(rep + " has no teammate to hand the lead to"));
    }

    private String managerOf(String rep) {
        return teamOf(rep).map(Team::manager).orElse(ACTOR);
    }

    private Optional<Team> teamOf(String rep) {
        return agreement().teams().stream()
                .filter(team ->
                        team.reps().stream().anyMatch(seat -> seat.email().equals(rep)))
                .findFirst();
    }

    private Agreement agreement() {
        return active.require().agreement();
    }

    private static Email email(String address) {
        return Email.parse(address).orElseThrow(() -> new IllegalArgumentException("not an email: " + address));
    }
}
