package dev.baton.core.notification;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.AgreementDiff;
import dev.baton.core.agreement.Clause;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one-page summary both teams get when a version becomes active: the ideal customer, the MQL rule, the service
 * levels, the reason codes, the shared targets with their owners, and what changed from the version before.
 */
public record AgreementSummary(int version, String subject, String text) {

    public static AgreementSummary of(int version, Agreement agreement, String actor, Optional<AgreementDiff> diff) {
        var text = new StringBuilder();
        text.append("Agreement version ")
                .append(version)
                .append(" is active: ")
                .append(agreement.name())
                .append('\n');
        text.append("Activated by ").append(actor).append(".\n\n");
        section(text, "Ideal customer (fit)", agreement.fit());
        section(text, "Points taken off", agreement.negative());
        section(text, "MQL rule", List.of(agreement.mql()));
        section(text, "Priority", agreement.priority());
        section(text, "Service levels", List.of(agreement.sla()));
        section(text, "Reason codes", agreement.reasonCodes());
        section(text, "Shared targets and their owners", agreement.targets());
        diff.ifPresent(changes -> {
            text.append("Changes from the version before:\n");
            if (changes.isEmpty()) {
                text.append("- none\n");
            }
            changes.changes().forEach(change -> text.append(change.describe()).append('\n'));
        });
        return new AgreementSummary(
                version, "Agreement version " + version + " is active: " + agreement.name(), text.toString());
    }

    private static void section(StringBuilder text, String title, List<? extends Clause> clauses) {
        if (clauses.isEmpty()) {
            return;
        }
        text.append(title).append(":\n");
        for (Clause clause : clauses) {
            text.append("- ")
                    .append(clause.key())
                    .append(": ")
                    .append(describe(clause.attributes()))
                    .append('\n');
        }
        text.append('\n');
    }

    private static String describe(Map<String, String> attributes) {
        return attributes.entrySet().stream()
                .filter(entry ->
                        !entry.getValue().equals("none") && !entry.getValue().isEmpty())
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining("; "));
    }
}
