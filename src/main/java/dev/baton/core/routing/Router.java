package dev.baton.core.routing;

import dev.baton.core.agreement.Routing;
import dev.baton.core.lead.Facts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Routes a lead by the agreement: the account's existing owner first if the agreement says so, then the first rule
 * whose conditions all hold, picking inside a team by weighted round-robin; a fallback queue when nobody can take it.
 */
public final class Router {

    /** A decision, and the rotation that changed with it (if a team picked). */
    public record Outcome(RoutingDecision decision, Optional<Rotation> rotation) {}

    private final Optional<Routing> routing;

    public Router(Optional<Routing> routing) {
        this.routing = routing;
    }

    /**
     * Routes with the teams' rotations as they stand; {@code accountOwner} is the rep who owns the lead's company,
     * if any, with the team whose rotation holds their seat.
     */
    public Outcome route(Facts facts, Optional<AccountOwner> accountOwner, Roster roster, Instant at) {
        if (routing.isEmpty()) {
            return new Outcome(
                    new RoutingDecision.Unroutable(
                            "unrouted", Optional.empty(), "none", "the agreement has no routing section", List.of()),
                    Optional.empty());
        }
        Routing rules = routing.get();
        var skipped = new ArrayList<String>();
        if (rules.accountOwnerFirst() && accountOwner.isPresent()) {
            AccountOwner owner = accountOwner.get();
            Optional<String> away = unavailable(roster, owner.rep(), at);
            if (away.isEmpty()) {
                return new Outcome(
                        new RoutingDecision.Assigned(
                                owner.rep(),
                                owner.team(),
                                "account-owner",
                                "owner of the account " + owner.account() + " (" + owner.match() + ")",
                                skipped),
                        Optional.empty());
            }
            skipped.add("account owner " + owner.rep() + " skipped: " + away.get());
        }
        for (Routing.Rule rule : rules.rules()) {
            if (rule.when().stream().allMatch(c -> c.test(facts))) {
                return destination(rule, facts, roster, at, skipped, rules.fallback());
            }
        }
        return fallback(rules.fallback(), "no-rule", "no routing rule matched", skipped);
    }

    private Outcome destination(
            Routing.Rule rule,
            Facts facts,
            Roster roster,
            Instant at,
            List<String> skipped,
            Routing.Fallback fallback) {
        String matched = "rule " + rule.name() + " matched: "
                + rule.when().stream().map(c -> c.evidence(facts)).collect(Collectors.joining(", "));
        if (rule.destination() instanceof Routing.ToRep toRep) {
            Optional<String> away = unavailable(roster, toRep.email(), at);
            if (away.isEmpty()) {
                Optional<String> team = roster.teamOf(toRep.email());
                return new Outcome(
                        new RoutingDecision.Assigned(toRep.email(), team, rule.name(), matched, skipped),
                        Optional.empty());
            }
            skipped.add(toRep.email() + " skipped: " + away.get());
            return fallback(fallback, rule.name(), matched + "; " + toRep.email() + " cannot take it", skipped);
        }
        String team = ((Routing.ToTeam) rule.destination()).team();
        Rotation rotation = roster.rotation(team);
        Rotation.Pick pick = rotation.pick(at);
        skipped.addAll(pick.skipped());
        if (pick.chosen().isEmpty()) {
            return fallback(fallback, rule.name(), matched + "; nobody in team " + team + " can take it", skipped);
        }
        return new Outcome(
                new RoutingDecision.Assigned(
                        pick.chosen().get().rep(),
                        Optional.of(team),
                        rule.name(),
                        matched + "; " + pick.chosen().get().rep() + " was next in the rotation of " + team,
                        skipped),
                Optional.of(pick.next()));
    }

    /**
     * Why the rep cannot take a lead now; a rep with no seat in any team — taken out of their team, say — cannot take
     * one either, however their account ownership reads.
     */
    public static Optional<String> unavailable(Roster roster, String rep, Instant at) {
        return roster.seat(rep).map(seat -> seat.unavailable(at)).orElse(Optional.of("has no seat in any team"));
    }

    private static Outcome fallback(Routing.Fallback fallback, String rule, String why, List<String> skipped) {
        return new Outcome(
                new RoutingDecision.Unroutable(
                        fallback.queue(),
                        Optional.of(fallback.owner()),
                        rule,
                        why + "; waiting in queue " + fallback.queue() + " (owner " + fallback.owner() + ")",
                        skipped),
                Optional.empty());
    }

    /** The rep who owns the lead's company, how the company was matched, and the rep's team if known. */
    public record AccountOwner(String rep, Optional<String> team, String account, String match) {}
}
