package dev.baton.adapter.web;

import dev.baton.adapter.security.CurrentActor;
import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.adapter.yaml.Problem;
import dev.baton.adapter.yaml.ReadResult;
import dev.baton.core.access.AccessPolicy;
import dev.baton.core.access.Actor;
import dev.baton.core.access.AgreementWork;
import dev.baton.core.access.Permission;
import dev.baton.core.access.SimulationWork;
import dev.baton.core.agreement.AgreementVersion;
import dev.baton.core.agreement.Approval;
import dev.baton.core.engine.AgreementService;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.SimulationStore;
import dev.baton.core.engine.Simulations;
import dev.baton.core.simulation.SimulationReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agreement page: the active version and the drafts; a draft pasted or loaded from a file, with its problems at
 * their lines; a version's diff against the active one and its latest backtest on history, with the form that asks for
 * another; the sign-off buttons, each shown only to the role that may press it; activation.
 */
@Controller
class AgreementPageController {

    private final AgreementService agreements;
    private final AgreementYamlReader reader;
    private final AgreementWork work;
    private final AccessPolicy policy;
    private final Simulations simulations;
    private final SimulationWork simulationWork;

    AgreementPageController(
            AgreementService agreements,
            AgreementYamlReader reader,
            AgreementWork work,
            AccessPolicy policy,
            Simulations simulations,
            SimulationWork simulationWork) {
        this.agreements = agreements;
        this.reader = reader;
        this.work = work;
        this.policy = policy;
        this.simulations = simulations;
        this.simulationWork = simulationWork;
    }

    /** A group of leads in a simulation's report, named, with its won amounts in words. */
    record GroupRow(String name, SimulationReport.Group group, String revenue) {}

    /** A line of a draft's source, with the problems found on it. */
    record SourceLine(int number, String text, List<Problem> problems) {}

    @GetMapping("/agreement")
    String agreement(Model model) {
        Actor actor = common(model);
        model.addAttribute(
                "mayDraft", policy.check(actor, Permission.DRAFT_AGREEMENTS).allowed());
        model.addAttribute("source", "");
        return "agreement";
    }

    @PostMapping("/agreement/drafts")
    String draft(
            @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String note,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.current();
        ReadResult result = reader.read(source, "the draft");
        if (!result.isValid()) {
            common(model);
            model.addAttribute("mayDraft", true);
            model.addAttribute("source", source);
            model.addAttribute("problems", result.problems());
            model.addAttribute("lines", lines(source, result.problems()));
            return "agreement";
        }
        AgreementVersion version = work.propose(
                actor, result.orThrow(), source, Optional.of(note.strip()).filter(n -> !n.isEmpty()));
        redirect.addFlashAttribute("message", "Stored as draft version " + version.number());
        return "redirect:/agreement/" + version.number();
    }

    @GetMapping("/agreement/{number}")
    String version(@PathVariable int number, Model model) {
        Actor actor = common(model);
        AgreementVersion version = agreements.version(number);
        model.addAttribute("version", version);
        Optional<AgreementVersion> active = agreements.active();
        model.addAttribute(
                "diff",
                active.filter(a -> a.number() != number)
                        .map(a -> agreements.diff(a.number(), number).changes().stream()
                                .map(c -> c.describe())
                                .toList())
                        .orElse(List.of()));
        model.addAttribute("against", active.map(AgreementVersion::number).orElse(null));
        boolean draft = version.status() == AgreementVersion.Status.DRAFT;
        var sides = new ArrayList<String>();
        for (Approval.Side side : Approval.Side.values()) {
            boolean signed = version.approvedBy().contains(side);
            boolean byMe =
                    version.approvals().stream().anyMatch(a -> a.approver().equalsIgnoreCase(actor.name()));
            if (draft && !signed && !byMe && policy.approve(actor, side).allowed()) {
                sides.add(side.word());
            }
        }
        model.addAttribute("mayApprove", sides);
        model.addAttribute(
                "mayActivate",
                draft
                        && version.approvedBy().size() == Approval.Side.values().length
                        && policy.check(actor, Permission.ACTIVATE_AGREEMENTS).allowed());
        simulation(number, actor, active.isPresent(), model);
        return "version";
    }

    /** The version's latest simulation, its report once done, and whether this person may ask for another. */
    private void simulation(int number, Actor actor, boolean anyActive, Model model) {
        Optional<SimulationStore.Job> latest =
                simulations.ofVersion(number).stream().findFirst();
        model.addAttribute("simulation", latest.orElse(null));
        latest.ifPresent(job -> {
            model.addAttribute("simulatedFrom", LocalDate.ofInstant(job.from(), job.zone()));
            model.addAttribute(
                    "simulatedTo", LocalDate.ofInstant(job.to(), job.zone()).minusDays(1));
            model.addAttribute(
                    "simulatedPercent",
                    job.total() == 0 ? 0 : Math.min(100, Math.round(100.0 * job.done() / job.total())));
            job.report().ifPresent(report -> {
                model.addAttribute("report", report);
                model.addAttribute(
                        "groups",
                        List.of(
                                row("Would newly qualify", report.newlyQualified()),
                                row("Would no longer qualify", report.noLongerQualified()),
                                row("Qualify under both", report.bothQualified())));
            });
        });
        model.addAttribute(
                "maySimulate",
                anyActive && policy.check(actor, Permission.DRAFT_AGREEMENTS).allowed());
    }

    private static GroupRow row(String name, SimulationReport.Group group) {
        return new GroupRow(name, group, group.revenue().isEmpty() ? "" : SimulationReport.money(group.revenue()));
    }

    @PostMapping("/agreement/{number}/simulations")
    String simulate(
            @PathVariable int number,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            RedirectAttributes redirect) {
        return step(number, redirect, () -> {
            SimulationStore.Job job = simulationWork.simulate(
                    CurrentActor.current(), number, new Simulations.Period(day("from", from), day("to", to)));
            return "Simulation " + job.id() + " is queued; it runs in the background";
        });
    }

    private static Optional<LocalDate> day(String field, String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new BatonException.Invalid(field, "'" + text + "' is not a date like 2026-03-01");
        }
    }

    @PostMapping("/agreement/{number}/approval")
    String approve(
            @PathVariable int number,
            @RequestParam(defaultValue = "") String side,
            @RequestParam(defaultValue = "") String comment,
            RedirectAttributes redirect) {
        Approval.Side signed = Approval.Side.of(side.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new BatonException.Invalid("side", "side is marketing or sales"));
        return step(number, redirect, () -> {
            work.approve(
                    CurrentActor.current(),
                    number,
                    signed,
                    Optional.of(comment.strip()).filter(c -> !c.isEmpty()));
            return "Signed for " + signed.word();
        });
    }

    @PostMapping("/agreement/{number}/activation")
    String activate(@PathVariable int number, RedirectAttributes redirect) {
        return step(number, redirect, () -> {
            work.activate(CurrentActor.current(), number);
            return "Version " + number + " is active";
        });
    }

    private String step(int number, RedirectAttributes redirect, java.util.function.Supplier<String> step) {
        try {
            redirect.addFlashAttribute("message", step.get());
        } catch (BatonException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/agreement/" + number;
    }

    private Actor common(Model model) {
        Actor actor = CurrentActor.current();
        model.addAttribute("email", actor.name());
        model.addAttribute("active", agreements.active().orElse(null));
        model.addAttribute(
                "drafts",
                agreements.versions().stream()
                        .filter(v -> v.status() == AgreementVersion.Status.DRAFT)
                        .toList());
        return actor;
    }

    private static List<SourceLine> lines(String source, List<Problem> problems) {
        var lines = new ArrayList<SourceLine>();
        String[] text = source.split("\n", -1);
        for (int i = 0; i < text.length; i++) {
            int number = i + 1;
            lines.add(new SourceLine(
                    number,
                    text[i],
                    problems.stream().filter(p -> p.line() == number).toList()));
        }
        return lines;
    }
}
