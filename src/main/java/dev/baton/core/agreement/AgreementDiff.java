package dev.baton.core.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What changed between two agreements, section by section, clause by clause. */
public record AgreementDiff(List<Change> changes) {

    /** One difference: a clause added, removed, or one of its attributes changed. */
    public record Change(String section, String clause, Kind kind, String attribute, String before, String after) {

        /** The kind of difference. */
        public enum Kind {
            ADDED,
            REMOVED,
            CHANGED
        }

        public String describe() {
            String where = section.equals(clause) ? section : section + " " + clause;
            return switch (kind) {
                case ADDED -> "+ " + where + ": added (" + after + ")";
                case REMOVED -> "- " + where + ": removed (" + before + ")";
                case CHANGED -> "~ " + where + ": " + attribute + " " + before + " → " + after;
            };
        }
    }

    public AgreementDiff {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public static AgreementDiff between(Agreement from, Agreement to) {
        var changes = new ArrayList<Change>();
        if (!from.name().equals(to.name())) {
            changes.add(new Change("agreement", "agreement", Change.Kind.CHANGED, "name", from.name(), to.name()));
        }
        compare(changes, "calendar", List.of(from.calendar()), List.of(to.calendar()));
        compare(changes, "roles", roles(from), roles(to));
        compare(changes, "fit", from.fit(), to.fit());
        compare(changes, "negative", from.negative(), to.negative());
        compare(changes, "intent", from.intent(), to.intent());
        compare(changes, "mql", List.of(from.mql()), List.of(to.mql()));
        compare(changes, "priority", from.priority(), to.priority());
        compare(changes, "sql", List.of(from.sql()), List.of(to.sql()));
        compare(changes, "reason-codes", from.reasonCodes(), to.reasonCodes());
        compare(changes, "teams", from.teams(), to.teams());
        compare(
                changes,
                "routing",
                from.routing().stream().toList(),
                to.routing().stream().toList());
        compare(changes, "routing rule", routingRules(from), routingRules(to));
        compare(changes, "sla", List.of(from.sla()), List.of(to.sla()));
        compare(changes, "targets", from.targets(), to.targets());
        compare(changes, "escalations", from.escalations(), to.escalations());
        compare(changes, "notifications", from.notifications(), to.notifications());
        compare(changes, "attribution", List.of(from.attribution()), List.of(to.attribution()));
        return new AgreementDiff(changes);
    }

    private static List<Clause> routingRules(Agreement agreement) {
        return agreement.routing().stream()
                .flatMap(r -> r.rules().stream())
                .map(Clause.class::cast)
                .toList();
    }

    private static List<Clause> roles(Agreement agreement) {
        return agreement.roles().entrySet().stream()
                .map(e -> (Clause) new Role(e.getKey(), e.getValue()))
                .toList();
    }

    private record Role(String key, String email) implements Clause {
        @Override
        public Map<String, String> attributes() {
            return Map.of("email", email);
        }
    }

    private static void compare(
            List<Change> changes, String section, List<? extends Clause> before, List<? extends Clause> after) {
        Map<String, Clause> old = index(before);
        Map<String, Clause> now = index(after);
        old.forEach((key, clause) -> {
            Optional<Clause> match = Optional.ofNullable(now.get(key));
            if (match.isEmpty()) {
                changes.add(new Change(section, key, Change.Kind.REMOVED, "", summary(clause), ""));
            } else {
                compareAttributes(
                        changes, section, key, clause.attributes(), match.get().attributes());
            }
        });
        now.forEach((key, clause) -> {
            if (!old.containsKey(key)) {
                changes.add(new Change(section, key, Change.Kind.ADDED, "", "", summary(clause)));
            }
        });
    }

    private static void compareAttributes(
            List<Change> changes, String section, String key, Map<String, String> before, Map<String, String> after) {
        var names = new LinkedHashMap<String, Boolean>();
        before.keySet().forEach(n -> names.put(n, true));
        after.keySet().forEach(n -> names.put(n, true));
        for (String name : names.keySet()) {
            String was = before.getOrDefault(name, "none");
            String is = after.getOrDefault(name, "none");
            if (!was.equals(is)) {
                changes.add(new Change(section, key, Change.Kind.CHANGED, name, was, is));
            }
        }
    }

    private static Map<String, Clause> index(List<? extends Clause> clauses) {
        var map = new LinkedHashMap<String, Clause>();
        clauses.forEach(c -> map.put(c.key(), c));
        return map;
    }

    private static String summary(Clause clause) {
        return clause.attributes().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
