package dev.baton.adapter.persistence;

import dev.baton.core.sla.Clock;
import dev.baton.core.sla.ClockEvent;
import dev.baton.core.timeline.LeadEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where a lead event becomes the details of its timeline line, written as JSON: the event's own fields,
 * without the time, actor and type that the line holds in columns of their own.
 */
final class LeadEventJson {

    private LeadEventJson() {}

    static Object data(LeadEvent event) {
        if (event instanceof LeadEvent.LeadCreated created) {
            return Map.of("email", created.email());
        }
        if (event instanceof LeadEvent.LeadFieldsChanged changed) {
            var data = new LinkedHashMap<String, Object>();
            changed.changes().forEach((field, change) -> {
                var values = new LinkedHashMap<String, String>();
                change.from().ifPresent(from -> values.put("from", from));
                values.put("to", change.to());
                data.put(field, values);
            });
            return data;
        }
        if (event instanceof LeadEvent.VisitorIdentified identified) {
            return Map.of("visitorId", identified.visitorId(), "events", identified.events());
        }
        if (event instanceof LeadEvent.LeadScored scored) {
            var data = new LinkedHashMap<String, Object>();
            data.put("score", scored.score());
            data.put("fit", scored.fit());
            data.put("intent", scored.intent());
            data.put("mql", scored.mql());
            return data;
        }
        if (event instanceof LeadEvent.StageMoved moved) {
            return moved.change();
        }
        if (event instanceof LeadEvent.LeadRouted routed) {
            return routed.decision();
        }
        if (event instanceof LeadEvent.LeadQueued queued) {
            return queued.decision();
        }
        if (event instanceof LeadEvent.LeadReassigned reassigned) {
            var data = new LinkedHashMap<String, Object>();
            data.put("reason", reassigned.reason());
            data.put("decision", reassigned.decision());
            return data;
        }
        if (event instanceof LeadEvent.ActivityLogged logged) {
            var data = new LinkedHashMap<String, Object>();
            data.put("type", logged.activity().type().word());
            data.put("rep", logged.activity().rep());
            logged.activity().outcome().ifPresent(o -> data.put("outcome", o));
            logged.activity().notes().ifPresent(n -> data.put("notes", n));
            return data;
        }
        if (event instanceof LeadEvent.ClockHappened happened) {
            return clock(happened.event());
        }
        if (event instanceof LeadEvent.RepAwayWhenClocksStarted away) {
            return Map.of("rep", away.rep(), "why", away.why());
        }
        throw new IllegalArgumentException("no timeline form for " + event.type());
    }

    /** What a clock event's line says: the clock, its rep, its deadline and how it stands. */
    private static Map<String, Object> clock(ClockEvent event) {
        Clock clock = event.clock();
        var data = new LinkedHashMap<String, Object>();
        data.put("clock", clock.kind().word());
        clock.rep().ifPresent(rep -> data.put("rep", rep));
        data.put("within", clock.span().toString());
        data.put("startedAt", clock.startedAt().toString());
        data.put("deadline", clock.deadline().toString());
        data.put("state", clock.state().word());
        if (event instanceof ClockEvent.ClockStopped stopped) {
            data.put("why", stopped.why());
        }
        if (event instanceof ClockEvent.LeadUnresponsive unresponsive) {
            data.put("attempts", clock.progress().attempts());
            unresponsive.reasonCode().ifPresent(code -> data.put("reasonCode", code));
        }
        return data;
    }
}
