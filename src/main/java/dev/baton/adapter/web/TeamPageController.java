package dev.baton.adapter.web;

import dev.baton.adapter.security.CurrentActor;
import dev.baton.core.access.Actor;
import dev.baton.core.access.RosterWork;
import dev.baton.core.engine.ActiveAgreement;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.RosterCommands;
import dev.baton.core.engine.RosterStore;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The roster, for everyone signed in: each team's manager and reps, with seats, capacity, load and absences. Those the
 * access policy lets change it get forms for it — absences and availability for revops, admins and a team's manager,
 * seats for admins — which do what the roster API does, audited the same way.
 */
@Controller
class TeamPageController {

    /** A team as the page shows it, with the reps whose availability the viewer may change. */
    record Team(RosterStore.TeamRoster roster, List<String> changeable) {}

    /** What the forms' fields are called on the page, for messages that name them. */
    private static final Map<String, String> LABELS = Map.of(
            "from", "From (first day away)",
            "until", "Until (first day back)",
            "note", "Note",
            "rep", "Rep",
            "weight", "Weight",
            "capacity", "Capacity",
            "slack", "Slack member ID",
            "active", "Routing",
            "id", "Absence");

    private final RosterCommands roster;
    private final RosterWork work;
    private final ActiveAgreement active;

    TeamPageController(RosterCommands roster, RosterWork work, ActiveAgreement active) {
        this.roster = roster;
        this.work = work;
        this.active = active;
    }

    @GetMapping("/team")
    String team(Model model) {
        Actor actor = CurrentActor.current();
        List<RosterStore.TeamRoster> teams = roster.teams();
        Set<String> changeable = work.availabilityTheyMayChange(actor, teams);
        model.addAttribute("email", actor.name());
        model.addAttribute(
                "teams",
                teams.stream()
                        .map(team -> new Team(
                                team,
                                team.members().stream()
                                        .map(RosterStore.Member::rep)
                                        .filter(rep -> changeable.contains(rep.toLowerCase(java.util.Locale.ROOT)))
                                        .toList()))
                        .toList());
        model.addAttribute("mayManageTeams", work.mayManageTeams(actor));
        return "team";
    }

    @PostMapping("/team/absences")
    String addAbsence(
            @RequestParam(defaultValue = "") String rep,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String until,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> entered = Map.of("rep", rep, "from", from, "until", until, "note", note);
        return done(model, response, redirect, new Form(form, entered), () -> {
            ZoneId zone = zoneOf(rep.strip());
            work.addAbsence(
                    CurrentActor.current(),
                    rep.strip(),
                    () -> new RosterWork.Stretch(day("from", from, zone), day("until", until, zone), present(note)));
            return "Recorded an absence for " + rep.strip() + " from " + from.strip() + " until " + until.strip();
        });
    }

    @PostMapping("/team/absences/removal")
    String removeAbsence(
            @RequestParam(defaultValue = "") String rep,
            @RequestParam(defaultValue = "") String id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return done(model, response, redirect, Form.NONE, () -> {
            work.removeAbsence(CurrentActor.current(), rep, number("id", id));
            return "Removed the absence of " + rep;
        });
    }

    @PostMapping("/team/availability")
    String setActive(
            @RequestParam(defaultValue = "") String rep,
            @RequestParam(defaultValue = "") String active,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return done(model, response, redirect, Form.NONE, () -> {
            work.setActive(CurrentActor.current(), rep, () -> yesOrNo(active));
            return rep + " is " + (yesOrNo(active) ? "active" : "inactive") + " for routing";
        });
    }

    @PostMapping("/team/seats")
    String seat(
            @RequestParam(defaultValue = "") String team,
            @RequestParam(defaultValue = "") String rep,
            @RequestParam(defaultValue = "") String weight,
            @RequestParam(defaultValue = "") String capacity,
            @RequestParam(defaultValue = "") String slack,
            @RequestParam(defaultValue = "") String form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> entered = Map.of("rep", rep, "weight", weight, "capacity", capacity, "slack", slack);
        return done(model, response, redirect, new Form(form, entered), () -> {
            work.seat(CurrentActor.current(), team, () -> {
                if (rep.isBlank()) {
                    throw new BatonException.Invalid("rep", "the rep's email is required");
                }
                return new RosterWork.Seat(
                        rep.strip(), whole("weight", weight), whole("capacity", capacity), present(slack));
            });
            return "Seated " + rep.strip() + " in " + team;
        });
    }

    @PostMapping("/team/seats/removal")
    String unseat(
            @RequestParam(defaultValue = "") String team,
            @RequestParam(defaultValue = "") String rep,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return done(model, response, redirect, Form.NONE, () -> {
            work.unseat(CurrentActor.current(), team, rep);
            return "Took " + rep + " out of " + team;
        });
    }

    /** The form a change came from (the page marks its fields), and what was typed into it, to give back. */
    private record Form(String name, Map<String, String> entered) {
        static final Form NONE = new Form("", Map.of());
    }

    /**
     * Makes the change and goes back to the page with what came of it. A refusal answers 403 with the page and the
     * policy's reason; any other problem names the field it is about and keeps what was typed.
     */
    private String done(
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Form form,
            Supplier<String> change) {
        try {
            redirect.addFlashAttribute("message", change.get());
        } catch (BatonException.Forbidden e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("problem", e.getMessage());
            return team(model);
        } catch (BatonException.Invalid e) {
            redirect.addFlashAttribute("problem", LABELS.getOrDefault(e.field(), e.field()) + ": " + e.getMessage());
            redirect.addFlashAttribute("invalid", form.name() + ":" + e.field());
            keep(redirect, form);
        } catch (BatonException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            keep(redirect, form);
        }
        return "redirect:/team";
    }

    private static void keep(RedirectAttributes redirect, Form form) {
        redirect.addFlashAttribute("form", form.name());
        redirect.addFlashAttribute("entered", form.entered());
    }

    /**
     * The time zone the rep's days are read in: the one their service-level clocks run on (their own, their team's or
     * the agreement's), else UTC.
     */
    private ZoneId zoneOf(String rep) {
        return active.current()
                .map(running -> running.agreement().calendarOf(rep).zone())
                .orElse(ZoneOffset.UTC);
    }

    /** The start of a day written yyyy-mm-dd, in the zone; empty when nothing was written. */
    private static Optional<Instant> day(String field, String text, ZoneId zone) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new BatonException.Invalid(field, "'" + text.strip() + "' is not a date: write it as yyyy-mm-dd");
        }
    }

    private static OptionalInt whole(String field, String text) {
        if (text.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw new BatonException.Invalid(field, field + " must be a whole number, not '" + text.strip() + "'");
        }
    }

    private static long number(String field, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new BatonException.Invalid(field, "'" + text.strip() + "' is not the number of an absence");
        }
    }

    private static boolean yesOrNo(String text) {
        return switch (text.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BatonException.Invalid("active", "active is true or false, not '" + text + "'");
        };
    }

    private static Optional<String> present(String text) {
        return Optional.of(text.strip()).filter(t -> !t.isEmpty());
    }
}
