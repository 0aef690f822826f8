package dev.baton.adapter.web;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.engine.ActiveAgreement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.ui.Model;

/** What the lead actions' forms offer: the agreement's reason codes, the BANT answers it requires, touch types. */
final class QueueChoices {

    private QueueChoices() {}

    static void add(Model model, ActiveAgreement active) {
        Optional<Agreement> agreement = active.current().map(ActiveAgreement.Running::agreement);
        model.addAttribute("reasons", agreement.map(Agreement::reasonCodes).orElse(List.of()));
        model.addAttribute(
                "bant",
                agreement
                        .map(a -> a.sql().require().stream()
                                .sorted()
                                .map(b -> b.name().toLowerCase(Locale.ROOT))
                                .toList())
                        .orElse(List.of()));
        model.addAttribute("touchTypes", List.of("call", "email", "meeting", "social"));
    }
}
