package dev.baton.core.access;

import dev.baton.core.engine.Activities;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.LeadCommands;
import dev.baton.core.engine.LeadDetails;
import dev.baton.core.engine.LeadQueries;
import dev.baton.core.engine.Reassignments;
import dev.baton.core.engine.SlaClocks;
import dev.baton.core.lead.Activity;
import dev.baton.core.sla.ClockView;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Work on one lead by a person — a lifecycle command, a logged touch, a reassignment — the same from the API and from
 * the pages: refused unless the actor may act on this lead, then done and audited in one transaction with where the
 * lead stood and whose it was before and after.
 */
public final class LeadWork {

    private final Access access;
    private final Audit audit;
    private final LeadCommands commands;
    private final Activities activities;
    private final Reassignments reassignments;
    private final LeadQueries queries;
    private final SlaClocks clocks;
    private final Clock clock;

    public LeadWork(
            Access access,
            Audit audit,
            LeadCommands commands,
            Activities activities,
            Reassignments reassignments,
            LeadQueries queries,
            SlaClocks clocks,
            Clock clock) {
        this.access = access;
        this.audit = audit;
        this.commands = commands;
        this.activities = activities;
        this.reassignments = reassignments;
        this.queries = queries;
        this.clocks = clocks;
        this.clock = clock;
    }

    /** Runs a lifecycle command ({@code cause}: accepted, rejected, sales qualified, …) as the actor. */
    public LeadDetails run(Actor actor, long id, String cause, LeadCommands.Command command) {
        access.requireOnLead(actor, Permission.WORK_LEADS, id);
        return audited(
                actor,
                id,
                "lead." + cause.replace(' ', '_'),
                () -> details(commands.run(id, cause, command).id()));
    }

    /** Logs a touch (a call, an email, a meeting) made on the lead. */
    public LeadDetails logTouch(Actor actor, long id, Activity activity) {
        return logTouch(actor, id, () -> activity);
    }

    /** Logs a touch read from the request only once the actor may act on the lead, so a refusal comes first. */
    public LeadDetails logTouch(Actor actor, long id, Supplier<Activity> touch) {
        access.requireOnLead(actor, Permission.WORK_LEADS, id);
        Activity activity = touch.get();
        return audited(
                actor,
                id,
                "lead.touch_logged",
                () -> details(activities.log(id, activity).id()));
    }

    /** Gives the lead to another rep, with a reason. */
    public LeadDetails reassign(Actor actor, long id, Supplier<String> rep, Optional<String> reason) {
        access.requireOnLead(actor, Permission.REASSIGN_LEADS, id);
        String to = rep.get();
        return audited(actor, id, "lead.reassigned", () -> {
            reassignments.reassign(id, to, reason, actor.name());
            return details(id);
        });
    }

    /** The lead as it stands, with its clocks now. */
    public LeadDetails details(long id) {
        return queries.details(id)
                .map(lead -> lead.withClocks(clocks.views(id, clock.instant()), clocks.responses(id)))
                .orElseThrow(() -> new BatonException.NotFound("there is no lead " + id));
    }

    /**
     * Several leads as a queue lists them: each with its clocks now, in the order of the ids, asked of the stores
     * together. Without the response times of past cycles, which only the lead's own page shows.
     */
    public List<LeadDetails> listed(List<Long> ids) {
        Instant now = clock.instant();
        Map<Long, List<ClockView>> views = clocks.views(ids, now);
        Map<Long, LeadDetails> found = new HashMap<>();
        queries.details(ids).forEach(lead -> found.put(lead.id(), lead));
        return ids.stream()
                .filter(found::containsKey)
                .map(id -> found.get(id).withClocks(views.getOrDefault(id, List.of()), List.of()))
                .toList();
    }

    private LeadDetails audited(Actor actor, long id, String action, Supplier<LeadDetails> change) {
        return audit.record(actor, action, "lead/" + id, () -> state(details(id)), change, LeadWork::state);
    }

    /** What the audit keeps of a lead: where it stands and whose it is, never who the person is. */
    private static Map<String, String> state(LeadDetails lead) {
        var state = new LinkedHashMap<String, String>();
        state.put("stage", lead.stage());
        state.put("cycle", Integer.toString(lead.cycle()));
        lead.owner().ifPresent(owner -> state.put("owner", owner));
        lead.team().ifPresent(team -> state.put("team", team));
        lead.queue().ifPresent(queue -> state.put("queue", queue));
        return state;
    }
}
