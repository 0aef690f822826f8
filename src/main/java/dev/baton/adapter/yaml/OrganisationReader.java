package dev.baton.adapter.yaml;

import dev.baton.core.agreement.Condition;
import dev.baton.core.agreement.Names;
import dev.baton.core.agreement.Routing;
import dev.baton.core.agreement.SlaTimers;
import dev.baton.core.agreement.Team;
import dev.baton.core.calendar.Span;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;

/** Reads who does the work: roles, teams and reps, routing, and the service-level timers. */
final class OrganisationReader {

    private static final Set<String> TEAM = Keys.of("name", "manager", "timezone", "reps");
    private static final Set<String> REP = Keys.of("email", "weight", "capacity", "slack", "timezone");
    private static final Set<String> ROUTING = Keys.of("account-owner-first", "rules", "fallback");
    private static final Set<String> RULE = Keys.of("name", "when", "team", "rep");
    private static final Set<String> FALLBACK = Keys.of("queue", "owner");
    private static final Set<String> SLA = Keys.of(
            "route-within",
            "accept-within",
            "first-touch-within",
            "priority-first-touch-within",
            "attempts",
            "disposition-within",
            "remind-before",
            "escalate-to",
            "reassign-after");
    private static final Set<String> ATTEMPTS = Keys.of("at-least", "within", "reason");

    private final Context ctx;
    private final ScoringRulesReader conditions;
    private final List<String> declaredTeams = new ArrayList<>();
    private final List<String> declaredReps = new ArrayList<>();

    OrganisationReader(Context ctx, ScoringRulesReader conditions) {
        this.ctx = ctx;
        this.conditions = conditions;
    }

    Map<String, String> roles(YamlMap root) {
        var roles = new TreeMap<String, String>();
        root.optional("roles")
                .flatMap(node -> YamlMap.of(node, "roles", ctx, Keys.ANY))
                .ifPresent(map -> {
                    for (String role : map.keys()) {
                        Node key = map.keyNode(role).orElseThrow();
                        boolean named = Keys.spelled(
                                ctx,
                                key,
                                map.path(role),
                                role,
                                Names.NAME,
                                "role names use lower-case letters, digits and dashes, like head-of-sales");
                        email(map, role, true).filter(e -> named).ifPresent(email -> roles.put(role, email));
                    }
                });
        return roles;
    }

    Optional<String> email(YamlMap map, String key, boolean required) {
        return map.text(key, required)
                .filter(email -> Keys.spelled(
                        ctx,
                        map.optional(key).orElseThrow(),
                        map.path(key),
                        email,
                        Names.EMAIL,
                        "expected an email address"));
    }

    Optional<ZoneId> zone(YamlMap map, String key, boolean required) {
        return map.text(key, required).flatMap(id -> {
            if (ZoneId.getAvailableZoneIds().contains(id)) {
                return Optional.of(ZoneId.of(id));
            }
            ctx.report(
                    map.optional(key).orElseThrow(),
                    map.path(key) + ": '" + id + "' is not a timezone"
                            + Suggestions.didYouMean(id, ZoneId.getAvailableZoneIds())
                            + " (use an IANA name like Europe/Berlin)");
            return Optional.empty();
        });
    }

    List<Team> teams(YamlMap root) {
        var teams = new ArrayList<Team>();
        var names = new Keys.Unique("team");
        for (YamlMap.Item item : root.list("teams", false, false).orElse(List.of())) {
            YamlMap.of(item.node(), item.path(), ctx, TEAM).ifPresent(map -> {
                map.text("name", false).ifPresent(declaredTeams::add);
                Optional<String> name = map.text("name", true)
                        .filter(n -> Keys.spelled(
                                ctx,
                                map.optional("name").orElseThrow(),
                                map.path("name"),
                                n,
                                Names.NAME,
                                "team names use lower-case letters, digits and dashes"))
                        .filter(n -> names.add(ctx, map.optional("name").orElseThrow(), map.path("name"), n));
                Optional<String> manager = email(map, "manager", true);
                Optional<ZoneId> zone = zone(map, "timezone", false);
                Optional<List<Team.Rep>> reps = reps(map);
                if (name.isPresent()
                        && manager.isPresent()
                        && reps.isPresent()
                        && zone.isPresent() == map.has("timezone")) {
                    ctx.build(item.node(), item.path(), () -> new Team(name.get(), manager.get(), zone, reps.get()))
                            .ifPresent(teams::add);
                }
            });
        }
        return teams;
    }

    private Optional<List<Team.Rep>> reps(YamlMap team) {
        var reps = new ArrayList<Team.Rep>();
        var emails = new Keys.Unique("rep");
        List<YamlMap.Item> items = team.list("reps", true, true).orElse(List.of());
        boolean ok = !items.isEmpty();
        for (YamlMap.Item item : items) {
            Optional<Team.Rep> rep = YamlMap.of(item.node(), item.path(), ctx, REP)
                    .flatMap(map -> {
                        map.text("email", false).ifPresent(declaredReps::add);
                        Optional<String> email = email(map, "email", true)
                                .filter(e ->
                                        emails.add(ctx, map.optional("email").orElseThrow(), map.path("email"), e));
                        Optional<Integer> weight = map.integer("weight", 1, 100, false);
                        Optional<Integer> capacity = map.integer("capacity", 1, 100_000, false);
                        Optional<String> slack = map.text("slack", false);
                        Optional<ZoneId> zone = zone(map, "timezone", false);
                        if (email.isEmpty()
                                || weight.isPresent() != map.has("weight")
                                || capacity.isPresent() != map.has("capacity")
                                || slack.isPresent() != map.has("slack")
                                || zone.isPresent() != map.has("timezone")) {
                            return Optional.empty();
                        }
                        return Optional.of(new Team.Rep(
                                email.get(),
                                weight.orElse(1),
                                capacity.map(OptionalInt::of).orElse(OptionalInt.empty()),
                                slack,
                                zone));
                    });
            ok &= rep.isPresent();
            rep.ifPresent(reps::add);
        }
        return ok ? Optional.of(reps) : Optional.empty();
    }

    /** Routing to the teams and reps the file declares; broken ones were reported where they are declared. */
    Optional<Routing> routing(YamlMap root) {
        Optional<YamlMap> section = root.optional("routing").flatMap(n -> YamlMap.of(n, "routing", ctx, ROUTING));
        if (section.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = section.get();
        Optional<Boolean> ownerFirst = map.bool("account-owner-first");
        var rules = new ArrayList<Routing.Rule>();
        var names = new Keys.Unique("routing rule");
        List<String> teamNames = List.copyOf(declaredTeams);
        List<String> repEmails = declaredReps.stream().distinct().toList();
        for (YamlMap.Item item : map.list("rules", false, false).orElse(List.of())) {
            YamlMap.of(item.node(), item.path(), ctx, RULE)
                    .flatMap(rule -> rule(rule, names, teamNames, repEmails))
                    .ifPresent(rules::add);
        }
        Optional<Routing.Fallback> fallback = map.required("fallback")
                .flatMap(n -> YamlMap.of(n, map.path("fallback"), ctx, FALLBACK))
                .flatMap(f -> {
                    Optional<String> queue = f.text("queue", true)
                            .filter(q -> Keys.spelled(
                                    ctx,
                                    f.optional("queue").orElseThrow(),
                                    f.path("queue"),
                                    q,
                                    Names.NAME,
                                    "queue names use lower-case letters, digits and dashes"));
                    Optional<String> owner = email(f, "owner", true);
                    return queue.flatMap(q -> owner.map(o -> new Routing.Fallback(q, o)));
                });
        return fallback.map(f -> new Routing(ownerFirst.orElse(false), rules, f));
    }

    private Optional<Routing.Rule> rule(
            YamlMap rule, Keys.Unique names, List<String> teamNames, List<String> repEmails) {
        Optional<String> name = rule.text("name", true)
                .filter(n -> Keys.spelled(
                        ctx,
                        rule.optional("name").orElseThrow(),
                        rule.path("name"),
                        n,
                        Names.NAME,
                        "rule names use lower-case letters, digits and dashes"))
                .filter(n -> names.add(ctx, rule.optional("name").orElseThrow(), rule.path("name"), n));
        var when = new ArrayList<Condition>();
        boolean ok = true;
        for (YamlMap.Item item : rule.list("when", true, true).orElse(List.of())) {
            Optional<Condition> condition = YamlMap.of(item.node(), item.path(), ctx, ScoringRulesReader.CONDITION)
                    .flatMap(conditions::condition);
            ok &= condition.isPresent();
            condition.ifPresent(when::add);
        }
        Optional<Routing.Destination> destination = destination(rule, teamNames, repEmails);
        if (name.isEmpty() || !ok || when.isEmpty() || destination.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Routing.Rule(name.get(), when, destination.get()));
    }

    private Optional<Routing.Destination> destination(YamlMap rule, List<String> teamNames, List<String> repEmails) {
        if (rule.has("team") == rule.has("rep")) {
            ctx.report(
                    rule.node(),
                    YamlMap.where(rule.path()) + "give either a 'team' or a 'rep' to route to, not "
                            + (rule.has("team") ? "both" : "neither"));
            return Optional.empty();
        }
        if (rule.has("team")) {
            return rule.text("team", true)
                    .filter(t -> Keys.defined(
                            ctx, rule.optional("team").orElseThrow(), rule.path("team"), t, teamNames, "team"))
                    .map(Routing.ToTeam::new);
        }
        return rule.text("rep", true)
                .filter(r ->
                        Keys.defined(ctx, rule.optional("rep").orElseThrow(), rule.path("rep"), r, repEmails, "rep"))
                .map(Routing.ToRep::new);
    }

    SlaTimers sla(YamlMap root, Map<String, String> roles, List<String> reasonCodes) {
        Optional<YamlMap> section = root.optional("sla").flatMap(n -> YamlMap.of(n, "sla", ctx, SLA));
        if (section.isEmpty()) {
            return SlaTimers.none();
        }
        YamlMap map = section.get();
        Optional<SlaTimers.Attempts> attempts = map.optional("attempts")
                .flatMap(n -> YamlMap.of(n, map.path("attempts"), ctx, ATTEMPTS))
                .flatMap(a -> {
                    Optional<Integer> atLeast = a.integer("at-least", 1, 1000, true);
                    Optional<Span> within = a.span("within", true);
                    Optional<String> reason = a.text("reason", false)
                            .filter(code -> Keys.defined(
                                    ctx,
                                    a.optional("reason").orElseThrow(),
                                    a.path("reason"),
                                    code,
                                    reasonCodes,
                                    "reason code"));
                    if (reason.isPresent() != a.has("reason")) {
                        return Optional.empty();
                    }
                    return atLeast.flatMap(n -> within.map(w -> new SlaTimers.Attempts(n, w, reason)));
                });
        var escalateTo = new ArrayList<String>();
        map.text("escalate-to", false).ifPresent(to -> {
            if (to.equals("manager")
                    || Keys.defined(
                            ctx,
                            map.optional("escalate-to").orElseThrow(),
                            map.path("escalate-to"),
                            to,
                            roles.keySet(),
                            "role (or 'manager')")) {
                escalateTo.add(to);
            }
        });
        return new SlaTimers(
                map.span("route-within", false),
                map.span("accept-within", false),
                map.span("first-touch-within", false),
                map.span("priority-first-touch-within", false),
                attempts,
                map.span("disposition-within", false),
                map.span("remind-before", false),
                escalateTo.stream().findFirst(),
                map.span("reassign-after", false));
    }
}
