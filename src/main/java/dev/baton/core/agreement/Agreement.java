package dev.baton.core.agreement;

import dev.baton.core.calendar.BusinessCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The agreement between marketing and sales, as one immutable value: who fits, how leads earn points, when they
 * qualify, who gets them, how fast, which reasons count, and which numbers both teams share.
 */
public record Agreement(
        String name,
        CalendarSpec calendar,
        Map<String, String> roles,
        List<FitRule> fit,
        List<NegativeRule> negative,
        List<IntentRule> intent,
        MqlRule mql,
        List<PriorityRule> priority,
        SqlRequirements sql,
        List<ReasonCode> reasonCodes,
        List<Team> teams,
        Optional<Routing> routing,
        SlaTimers sla,
        List<Target> targets,
        List<Escalation> escalations,
        List<NotificationRule> notifications,
        Attribution attribution) {

    public Agreement {
        if (name.isBlank()) {
            throw new IllegalArgumentException("an agreement needs a name");
        }
        roles = Map.copyOf(new TreeMap<>(roles));
        fit = List.copyOf(fit);
        negative = List.copyOf(negative);
        intent = List.copyOf(intent);
        priority = List.copyOf(priority);
        reasonCodes = List.copyOf(reasonCodes);
        teams = List.copyOf(teams);
        targets = List.copyOf(targets);
        escalations = List.copyOf(escalations);
        notifications = List.copyOf(notifications);
        requireUnique(
                "scoring rule",
                Stream.of(fit, negative, intent).flatMap(List::stream).map(Clause::key));
        requireUnique("priority rule", priority.stream().map(Clause::key));
        requireUnique("reason code", reasonCodes.stream().map(Clause::key));
        requireUnique("team", teams.stream().map(Clause::key));
        requireUnique("target", targets.stream().map(Clause::key));
        requireUnique("escalation", escalations.stream().map(Clause::key));
        checkReferences(intent, mql, priority, teams, routing, roles, sla, escalations);
        Set<String> named = Set.copyOf(roles.keySet());
        for (NotificationRule rule : notifications) {
            rule.roles().stream()
                    .filter(role -> !role.equals(NotificationRule.REP) && !role.equals(NotificationRule.MANAGER))
                    .forEach(role -> require(named, role, "role"));
        }
        Set<String> codes =
                new HashSet<>(reasonCodes.stream().map(ReasonCode::code).toList());
        sla.attempts().flatMap(SlaTimers.Attempts::reason).ifPresent(code -> require(codes, code, "reason code"));
    }

    /** Who is told what: the agreement's rules, or the defaults when it has none (see {@link NotificationRule}). */
    public List<NotificationRule> notificationPolicy() {
        return notifications.isEmpty() ? NotificationRule.defaults(List.copyOf(roles.keySet())) : notifications;
    }

    /**
     * The calendar a rep's clocks run on: the agreement's hours and holidays in the rep's own timezone, else their
     * team's (the first team that lists them), else the agreement's.
     */
    public BusinessCalendar calendarOf(String rep) {
        BusinessCalendar agreed = calendar.calendar();
        for (Team team : teams) {
            for (Team.Rep member : team.reps()) {
                if (member.email().equals(rep)) {
                    return team.timezoneOf(member).map(agreed::inZone).orElse(agreed);
                }
            }
        }
        return agreed;
    }

    private static void requireUnique(String what, Stream<String> keys) {
        Set<String> seen = new HashSet<>();
        keys.forEach(key -> {
            if (!seen.add(key)) {
                throw new IllegalArgumentException("the " + what + " '" + key + "' is defined twice");
            }
        });
    }

    private static void checkReferences(
            List<IntentRule> intent,
            MqlRule mql,
            List<PriorityRule> priority,
            List<Team> teams,
            Optional<Routing> routing,
            Map<String, String> roles,
            SlaTimers sla,
            List<Escalation> escalations) {
        Set<String> signals =
                new HashSet<>(intent.stream().map(IntentRule::name).toList());
        mql.signals().ifPresent(s -> s.of().forEach(name -> require(signals, name, "intent rule")));
        for (PriorityRule rule : priority) {
            if (rule instanceof PriorityRule.RecentSignal recent) {
                require(signals, recent.signal(), "intent rule");
            }
        }
        Set<String> teamNames = new HashSet<>(teams.stream().map(Team::name).toList());
        Set<String> reps = new HashSet<>(teams.stream()
                .flatMap(t -> t.reps().stream())
                .map(Team.Rep::email)
                .toList());
        routing.ifPresent(r -> r.rules().forEach(rule -> {
            if (rule.destination() instanceof Routing.ToTeam toTeam) {
                require(teamNames, toTeam.team(), "team");
            } else if (rule.destination() instanceof Routing.ToRep toRep) {
                require(reps, toRep.email(), "rep");
            }
        }));
        sla.escalateTo().filter(to -> !to.equals("manager")).ifPresent(to -> require(roles.keySet(), to, "role"));
        escalations.forEach(e -> e.notifyRoles().forEach(role -> require(roles.keySet(), role, "role")));
    }

    private static void require(Set<String> defined, String name, String what) {
        if (!defined.contains(name)) {
            throw new IllegalArgumentException("no " + what + " named '" + name + "' is defined");
        }
    }

    public Optional<ReasonCode> reasonCode(String code) {
        return reasonCodes.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public Optional<Team> team(String name) {
        return teams.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** A one-line summary for listings and {@code baton check}. */
    public String summary() {
        return String.format(
                "%s: %d fit, %d negative, %d intent rules; MQL at %d; %d reason codes; %d teams; %d targets",
                name,
                fit.size(),
                negative.size(),
                intent.size(),
                mql.threshold(),
                reasonCodes.size(),
                teams.size(),
                targets.size());
    }
}
