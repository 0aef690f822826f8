package dev.baton.core.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Who gets an MQL: the account owner first if wished, then ordered rules, then a fallback queue. */
public record Routing(boolean accountOwnerFirst, List<Rule> rules, Fallback fallback) implements Clause {

    /** Where a routing rule sends a lead. */
    public sealed interface Destination {
        String describe();
    }

    /** To a team, where a weighted round-robin picks the rep. */
    public record ToTeam(String team) implements Destination {
        @Override
        public String describe() {
            return "team " + team;
        }
    }

    /** Straight to one rep. */
    public record ToRep(String email) implements Destination {
        @Override
        public String describe() {
            return "rep " + email;
        }
    }

    /** A routing rule: when every condition holds, the lead goes to the destination. */
    public record Rule(String name, List<Condition> when, Destination destination) implements Clause {
        public Rule {
            Names.requireName(name);
            when = List.copyOf(when);
            if (when.isEmpty()) {
                throw new IllegalArgumentException("routing rule " + name + " needs at least one condition");
            }
        }

        @Override
        public String key() {
            return name;
        }

        @Override
        public Map<String, String> attributes() {
            var map = new LinkedHashMap<String, String>();
            map.put("when", when.stream().map(Condition::describe).collect(Collectors.joining(" and ")));
            map.put("to", destination.describe());
            return map;
        }
    }

    /** The queue, and its owner, for leads no rule or rep can take. */
    public record Fallback(String queue, String owner) {
        public Fallback {
            Names.requireName(queue);
            Names.requireEmail(owner);
        }
    }

    public Routing {
        rules = List.copyOf(rules);
    }

    @Override
    public String key() {
        return "routing";
    }

    @Override
    public Map<String, String> attributes() {
        var map = new LinkedHashMap<String, String>();
        map.put("account-owner-first", Boolean.toString(accountOwnerFirst));
        map.put("order", rules.stream().map(Rule::name).collect(Collectors.joining(", ")));
        map.put("fallback", fallback.queue() + " (owner " + fallback.owner() + ")");
        return map;
    }
}
