package dev.baton.core.engine;

import dev.baton.core.lifecycle.StageChange;
import dev.baton.core.routing.Router;
import dev.baton.core.sla.ClockEvent;
import dev.baton.core.sla.ClockView;
import dev.baton.core.sla.HandoffEvent;
import dev.baton.core.sla.LeadClocks;
import dev.baton.core.sla.ResponseTime;
import dev.baton.core.sla.SlaPolicy;
import dev.baton.core.timeline.LeadEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each lead's service-level clocks as its handoff goes on: every command that qualifies, routes, moves or
 * touches a lead tells the clocks in its own transaction, with the lead's row locked, and gets back the timeline
 * entries the clocks caused. The clocks run on the service levels of the agreement version that qualified the lead.
 */
public final class SlaClocks {

    private final ClockStore store;
    private final ActiveAgreement agreements;
    private final Telemetry telemetry;
    private final RosterStore roster;

    public SlaClocks(ClockStore store, ActiveAgreement agreements, Telemetry telemetry, RosterStore roster) {
        this.store = store;
        this.agreements = agreements;
        this.telemetry = telemetry;
        this.roster = roster;
    }

    /** The lead's clocks as stored; none before it first qualifies. */
    public LeadClocks of(long leadId) {
        return store.find(leadId).map(ClockStore.StoredClocks::clocks).orElseGet(LeadClocks::none);
    }

    /** The lead's clocks as people read them, of the current handoff cycle, at {@code now}. */
    public List<ClockView> views(long leadId, Instant now) {
        return store.find(leadId).map(stored -> views(stored, now)).orElse(List.of());
    }

    /** The clocks of the current cycle of each of several leads, as {@link #views(long, Instant)} gives them. */
    public Map<Long, List<ClockView>> views(Collection<Long> leadIds, Instant now) {
        var views = new HashMap<Long, List<ClockView>>();
        store.findAll(leadIds).forEach((lead, stored) -> views.put(lead, views(stored, now)));
        return views;
    }

    private List<ClockView> views(ClockStore.StoredClocks stored, Instant now) {
        SlaPolicy policy = agreements.version(stored.agreementVersion()).sla();
        LeadClocks clocks = stored.clocks();
        return clocks.clocks().stream()
                .filter(clock -> clock.cycle() == clocks.cycle())
                .map(clock -> ClockView.of(clock, policy.calendarOf(clock), now))
                .toList();
    }

    /** How long each handoff cycle of the lead waited for its first touch. */
    public List<ResponseTime> responses(long leadId) {
        return store.responses(leadId);
    }

    /** A lead qualified under a version: its clocks from now on run on that version's service levels. */
    private List<LeadStore.LeadEntry> qualified(long leadId, StageChange.LeadQualified change, int version) {
        telemetry.qualified();
        return react(leadId, new HandoffEvent.StageMoved(change), version, of(leadId));
    }

    /**
     * The clocks' reaction to a lead event just written: a qualification starts a handoff on the service levels of the
     * version that qualified it; the other handoff events move the clocks the lead has.
     */
    public List<LeadStore.LeadEntry> on(LeadStore.LeadEntry written) {
        LeadEvent event = written.entry().event();
        if (event instanceof LeadEvent.StageMoved moved && moved.change() instanceof StageChange.LeadQualified change) {
            return qualified(written.leadId(), change, change.agreementVersion());
        }
        return event.forClocks().map(seen -> on(written.leadId(), seen)).orElse(List.of());
    }

    /** Something happened to a lead that has clocks; a lead without clocks has nothing to react. */
    private List<LeadStore.LeadEntry> on(long leadId, HandoffEvent event) {
        if (event instanceof HandoffEvent.Assigned || event instanceof HandoffEvent.Queued) {
            telemetry.routed(event instanceof HandoffEvent.Assigned);
        }
        Optional<ClockStore.StoredClocks> stored = store.find(leadId);
        if (stored.isEmpty()) {
            return List.of();
        }
        int version = stored.get().agreementVersion();
        List<LeadStore.LeadEntry> entries =
                react(leadId, event, version, stored.get().clocks());
        if (event instanceof HandoffEvent.Assigned assigned && !entries.isEmpty()) {
            return flagAbsentRep(leadId, assigned, version, entries);
        }
        return entries;
    }

    /**
     * A lead given to a rep who is away (out of office, inactive, without a seat) when its clocks start is flagged at
     * once, not when the first deadline breaks: manual reassignment and account ownership can hand leads to such reps.
     */
    private List<LeadStore.LeadEntry> flagAbsentRep(
            long leadId, HandoffEvent.Assigned assigned, int version, List<LeadStore.LeadEntry> entries) {
        Optional<String> away = Router.unavailable(roster.roster(assigned.at()), assigned.rep(), assigned.at());
        if (away.isEmpty()) {
            return entries;
        }
        var flagged = new ArrayList<>(entries);
        flagged.add(new LeadStore.LeadEntry(
                leadId,
                new LeadEvent.RepAwayWhenClocksStarted(
                        assigned.rep(), assigned.rep() + " " + away.get(), assigned.at()),
                "Assigned",
                Optional.of(version)));
        return flagged;
    }

    /** What fell due for the lead by {@code now}; the lead is locked by the timer that claimed it. */
    public Due due(long leadId, Instant now) {
        Optional<ClockStore.StoredClocks> stored = store.find(leadId);
        if (stored.isEmpty()) {
            return new Due(0, List.of(), List.of());
        }
        int version = stored.get().agreementVersion();
        SlaPolicy.Reaction reaction =
                agreements.version(version).sla().due(stored.get().clocks(), now);
        store.save(leadId, version, reaction.clocks());
        for (ClockEvent event : reaction.events()) {
            telemetry.clock(event);
            telemetry.lateness(event, Duration.between(event.at(), now));
        }
        return new Due(version, reaction.events(), entries(leadId, reaction.events(), version, "timer"));
    }

    /** The events a timer found due, for the caller to act on, their timeline entries, and the version they ran on. */
    public record Due(int version, List<ClockEvent> events, List<LeadStore.LeadEntry> entries) {}

    private List<LeadStore.LeadEntry> react(long leadId, HandoffEvent event, int version, LeadClocks clocks) {
        SlaPolicy policy = agreements.version(version).sla();
        SlaPolicy.Reaction reaction = policy.react(clocks, event);
        store.save(leadId, version, reaction.clocks());
        reaction.events().forEach(telemetry::clock);
        if (clocks.respondedAt().isEmpty()
                || clocks.cycle() != reaction.clocks().cycle()) {
            policy.response(reaction.clocks()).ifPresent(response -> store.saveResponse(leadId, response));
        }
        return entries(leadId, reaction.events(), version, event.getClass().getSimpleName());
    }

    private static List<LeadStore.LeadEntry> entries(long leadId, List<ClockEvent> events, int version, String cause) {
        var entries = new ArrayList<LeadStore.LeadEntry>();
        for (ClockEvent event : events) {
            entries.add(
                    new LeadStore.LeadEntry(leadId, new LeadEvent.ClockHappened(event), cause, Optional.of(version)));
        }
        return entries;
    }
}
