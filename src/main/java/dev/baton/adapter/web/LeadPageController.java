package dev.baton.adapter.web;

import dev.baton.adapter.security.CurrentActor;
import dev.baton.core.access.Access;
import dev.baton.core.access.Actor;
import dev.baton.core.access.LeadWork;
import dev.baton.core.access.Permission;
import dev.baton.core.engine.ActiveAgreement;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.Handoffs;
import dev.baton.core.engine.LeadListing;
import dev.baton.core.engine.LeadStore;
import dev.baton.core.engine.RosterStore;
import dev.baton.core.timeline.TimelineEntry;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The lead page: the handoff packet (who, why now, the score with its evidence, every touchpoint, the routing, the
 * clocks), the timeline, and the actions the viewer may take on this lead.
 */
@Controller
class LeadPageController {

    private final Handoffs handoffs;
    private final LeadStore leads;
    private final Access access;
    private final Queue queue;
    private final ActiveAgreement active;

    LeadPageController(
            Handoffs handoffs,
            LeadStore leads,
            Access access,
            LeadListing listing,
            LeadWork work,
            RosterStore roster,
            ActiveAgreement active,
            Clock clock) {
        this.handoffs = handoffs;
        this.leads = leads;
        this.access = access;
        this.queue = new Queue(listing, work, roster, clock);
        this.active = active;
    }

    /** A line of the timeline as the page shows it. */
    record Entry(String at, String what, String actor, String cause) {}

    @GetMapping("/leads/{id}")
    String lead(@PathVariable long id, Model model) {
        Actor actor = CurrentActor.current();
        model.addAttribute("email", actor.name());
        model.addAttribute("packet", handoffs.packet(id));
        model.addAttribute("row", queue.row(id));
        model.addAttribute("mayAct", mayWork(actor, id));
        model.addAttribute(
                "timeline",
                leads.history(id).stream().map(LeadPageController::entry).toList());
        QueueChoices.add(model, active);
        return "lead";
    }

    private boolean mayWork(Actor actor, long id) {
        try {
            access.requireOnLead(actor, Permission.WORK_LEADS, id);
            return true;
        } catch (BatonException.Forbidden e) {
            return false;
        }
    }

    private static Entry entry(TimelineEntry entry) {
        String words = entry.type().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return new Entry(entry.at().toString(), words, entry.actor(), entry.cause());
    }
}
