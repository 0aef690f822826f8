package dev.baton.adapter.web;

import dev.baton.adapter.security.CurrentActor;
import dev.baton.core.engine.RosterCommands;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The roster, for everyone signed in: each team's manager and reps, with seats, capacity, load and absences. */
@Controller
class TeamPageController {

    private final RosterCommands roster;

    TeamPageController(RosterCommands roster) {
        this.roster = roster;
    }

    @GetMapping("/team")
    String team(Model model) {
        model.addAttribute("email", CurrentActor.current().name());
        model.addAttribute("teams", roster.teams());
        return "team";
    }
}
