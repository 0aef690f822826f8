package dev.baton.adapter.web;

import dev.baton.adapter.security.CurrentActor;
import dev.baton.core.access.Actor;
import dev.baton.core.access.LeadWork;
import dev.baton.core.engine.ActiveAgreement;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.LeadCommands;
import dev.baton.core.engine.LeadDetails;
import dev.baton.core.engine.LeadListing;
import dev.baton.core.engine.RosterStore;
import dev.baton.core.lead.Activity;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rep queue: open leads by the nearest deadline, with what can be done to each — accept, reject with a reason,
 * log a touch, qualify with the BANT answers — as small forms that htmx sends without reloading the page (and that
 * work as plain forms without it).
 */
@Controller
class QueueController {

    private final Queue queue;
    private final LeadWork work;
    private final ActiveAgreement active;
    private final Clock clock;

    QueueController(LeadListing listing, LeadWork work, RosterStore roster, ActiveAgreement active, Clock clock) {
        this.queue = new Queue(listing, work, roster, clock);
        this.work = work;
        this.active = active;
        this.clock = clock;
    }

    @GetMapping("/queue")
    String queue(Model model) {
        Actor actor = CurrentActor.current();
        model.addAttribute("email", actor.name());
        model.addAttribute("rows", queue.rows(actor));
        model.addAttribute(
                "whose",
                queue.owners(actor)
                        .map(o -> o.isEmpty() ? "no one's" : o.size() == 1 ? "your" : "your team's")
                        .orElse("everyone's"));
        model.addAttribute(
                "notSales", queue.owners(actor).filter(java.util.Set::isEmpty).isPresent());
        choices(model);
        return "queue";
    }

    /** The countdowns of the rows on the page, each swapped into its place by id. */
    @GetMapping("/queue/dues")
    String dues(Model model) {
        model.addAttribute("rows", queue.rows(CurrentActor.current()));
        return "queue :: dues";
    }

    @PostMapping("/queue/{id}/accept")
    String accept(
            @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        Actor actor = CurrentActor.current();
        return act(
                actor,
                id,
                htmx,
                model,
                "accepted",
                () -> work.run(
                        actor, id, "accepted", (lifecycle, status, at) -> lifecycle.accept(status, actor.name(), at)));
    }

    @PostMapping("/queue/{id}/reject")
    String reject(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reasonCode,
            @RequestParam(defaultValue = "") String note,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        Actor actor = CurrentActor.current();
        return act(actor, id, htmx, model, "rejected", () -> {
            if (reasonCode.isBlank()) {
                throw new BatonException.Invalid("reasonCode", "a rejection needs a reason code");
            }
            LeadCommands.Command reject = (lifecycle, status, at) -> lifecycle.reject(
                    status,
                    Optional.of(reasonCode.strip()),
                    Optional.of(note.strip()).filter(n -> !n.isEmpty()),
                    actor.name(),
                    at);
            return work.run(actor, id, "rejected", reject);
        });
    }

    @PostMapping("/queue/{id}/touch")
    String touch(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String outcome,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        Actor actor = CurrentActor.current();
        return act(actor, id, htmx, model, "touch logged", () -> {
            Activity.Type kind;
            try {
                kind = Activity.Type.valueOf(type.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BatonException.Invalid("type", "a touch is a call, an email, a meeting or a social touch");
            }
            return work.logTouch(
                    actor,
                    id,
                    new Activity(
                            kind,
                            clock.instant(),
                            actor.name(),
                            Optional.of(outcome.strip()).filter(o -> !o.isEmpty()),
                            Optional.empty()));
        });
    }

    @PostMapping("/queue/{id}/qualify")
    String qualify(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        Actor actor = CurrentActor.current();
        var bant = new LinkedHashMap<String, String>();
        for (String answer : List.of("budget", "authority", "need", "timeline")) {
            String value = form.getOrDefault(answer, "").strip();
            if (!value.isEmpty()) {
                bant.put(answer, value);
            }
        }
        return act(
                actor,
                id,
                htmx,
                model,
                "sales qualified",
                () -> work.run(
                        actor,
                        id,
                        "sales qualified",
                        (lifecycle, status, at) -> lifecycle.qualifyToSql(status, bant, actor.name(), at)));
    }

    /** Does the work, then answers the lead's row (or, when it left the queue, a line saying so). */
    private String act(
            Actor actor,
            long id,
            @Nullable String htmx,
            Model model,
            String done,
            java.util.function.Supplier<LeadDetails> action) {
        String message;
        boolean failed = false;
        try {
            action.get();
            message = done;
        } catch (BatonException e) {
            message = e.getMessage();
            failed = true;
        }
        if (htmx == null) {
            return "redirect:/queue";
        }
        Queue.Row row = queue.row(id);
        model.addAttribute("row", row);
        model.addAttribute("message", message);
        model.addAttribute("failed", failed);
        model.addAttribute("gone", !failed && !queue.holds(actor, row.lead()));
        choices(model);
        return "queue :: row";
    }

    private void choices(Model model) {
        QueueChoices.add(model, active);
    }
}
