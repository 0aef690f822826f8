package dev.baton.adapter.yaml;

import dev.baton.core.agreement.Attribution;
import dev.baton.core.agreement.ChannelKind;
import dev.baton.core.agreement.Escalation;
import dev.baton.core.agreement.NoticeKind;
import dev.baton.core.agreement.NotificationRule;
import dev.baton.core.agreement.Target;
import dev.baton.core.calendar.Span;
import dev.baton.core.metrics.Measure;
import dev.baton.core.metrics.Metric;
import dev.baton.core.metrics.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the shared targets and the program-level escalations on them. */
final class ProgramReader {

    private static final Set<String> TARGET = Keys.of("metric", "owner", "at-least", "at-most");
    private static final Set<String> ESCALATION = Keys.of("name", "when", "notify", "action");
    private static final Set<String> TRIGGER = Keys.of("metric", "below", "above", "below-target-by", "for-months");
    private static final List<String> OWNERS = List.of("marketing", "sales", "shared");
    private static final List<String> ACTIONS = List.of("notify", "open-icp-review");
    private static final Set<String> NOTIFICATION = Keys.of("on", "notify", "via");

    private final Context ctx;

    ProgramReader(Context ctx) {
        this.ctx = ctx;
    }

    List<Target> targets(YamlMap root) {
        var targets = new ArrayList<Target>();
        var metrics = new Keys.Unique("target for");
        for (YamlMap.Item item : root.list("targets", false, false).orElse(List.of())) {
            YamlMap.of(item.node(), item.path(), ctx, TARGET).ifPresent(map -> {
                Optional<Metric> metric = metric(map)
                        .filter(m ->
                                metrics.add(ctx, map.optional("metric").orElseThrow(), map.path("metric"), m.id()));
                Optional<Owner> owner =
                        map.oneOf("owner", OWNERS, true).map(w -> Owner.valueOf(w.toUpperCase(Locale.ROOT)));
                if (!map.has("at-least") && !map.has("at-most")) {
                    ctx.report(map.node(), item.path() + ": give at-least, at-most, or both");
                    return;
                }
                if (metric.isEmpty()) {
                    return;
                }
                Optional<Measure> atLeast =
                        measure(map, "at-least", metric.get().kind());
                Optional<Measure> atMost = measure(map, "at-most", metric.get().kind());
                if (owner.isPresent()
                        && atLeast.isPresent() == map.has("at-least")
                        && atMost.isPresent() == map.has("at-most")) {
                    ctx.build(item.node(), item.path(), () -> new Target(metric.get(), owner.get(), atLeast, atMost))
                            .ifPresent(targets::add);
                }
            });
        }
        return targets;
    }

    List<Escalation> escalations(YamlMap root, Map<String, String> roles, List<Target> targets) {
        var escalations = new ArrayList<Escalation>();
        var names = new Keys.Unique("escalation");
        for (YamlMap.Item item : root.list("escalations", false, false).orElse(List.of())) {
            YamlMap.of(item.node(), item.path(), ctx, ESCALATION).ifPresent(map -> {
                Optional<String> name = map.text("name", true)
                        .filter(n -> Keys.spelled(
                                ctx,
                                map.optional("name").orElseThrow(),
                                map.path("name"),
                                n,
                                dev.baton.core.agreement.Names.NAME,
                                "names use lower-case letters, digits and dashes"))
                        .filter(n -> names.add(ctx, map.optional("name").orElseThrow(), map.path("name"), n));
                var triggers = new ArrayList<Escalation.Trigger>();
                boolean ok = true;
                for (YamlMap.Item t : map.list("when", true, true).orElse(List.of())) {
                    Optional<Escalation.Trigger> trigger =
                            YamlMap.of(t.node(), t.path(), ctx, TRIGGER).flatMap(tm -> trigger(tm, targets));
                    ok &= trigger.isPresent();
                    trigger.ifPresent(triggers::add);
                }
                var notify = new ArrayList<String>();
                for (YamlMap.Item n : map.list("notify", true, true).orElse(List.of())) {
                    Optional<String> role = map.scalar(n.node(), n.path());
                    ok &= role.filter(r -> Keys.defined(ctx, n.node(), n.path(), r, roles.keySet(), "role"))
                            .map(notify::add)
                            .isPresent();
                }
                Optional<Escalation.Action> action = map.oneOf("action", ACTIONS, false)
                        .map(a -> Escalation.Action.valueOf(
                                a.toUpperCase(Locale.ROOT).replace('-', '_')));
                if (name.isPresent()
                        && ok
                        && !triggers.isEmpty()
                        && !notify.isEmpty()
                        && action.isPresent() == map.has("action")) {
                    ctx.build(
                                    item.node(),
                                    item.path(),
                                    () -> new Escalation(
                                            name.get(), triggers, notify, action.orElse(Escalation.Action.NOTIFY)))
                            .ifPresent(escalations::add);
                }
            });
        }
        return escalations;
    }

    private Optional<Escalation.Trigger> trigger(YamlMap map, List<Target> targets) {
        Optional<Metric> metric = metric(map);
        List<String> given = List.of("below", "above", "below-target-by").stream()
                .filter(map::has)
                .toList();
        if (given.size() != 1) {
            ctx.report(
                    map.node(),
                    map.path() + ": give exactly one of below, above or below-target-by"
                            + (given.isEmpty() ? "" : ", not " + String.join(" and ", given)));
            return Optional.empty();
        }
        Optional<Integer> months = map.integer("for-months", 1, 24, false);
        if (metric.isEmpty() || months.isPresent() != map.has("for-months")) {
            return Optional.empty();
        }
        String key = given.get(0);
        Escalation.Comparison comparison =
                Escalation.Comparison.valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (comparison == Escalation.Comparison.BELOW_TARGET_BY
                && targets.stream().noneMatch(t -> t.metric() == metric.get())) {
            ctx.report(
                    map.optional(key).orElseThrow(),
                    map.path(key) + ": there is no target for " + metric.get().id()
                            + " to fall below; add one under targets");
            return Optional.empty();
        }
        Metric.Kind kind = comparison == Escalation.Comparison.BELOW_TARGET_BY
                ? Metric.Kind.PERCENT
                : metric.get().kind();
        return measure(map, key, kind)
                .flatMap(value -> ctx.build(
                        map.node(),
                        map.path(),
                        () -> new Escalation.Trigger(metric.get(), comparison, value, months.orElse(1))));
    }

    private Optional<Metric> metric(YamlMap map) {
        return map.text("metric", true).flatMap(id -> {
            Optional<Metric> metric = Metric.byId(id);
            if (metric.isEmpty()) {
                ctx.report(
                        map.optional("metric").orElseThrow(),
                        map.path("metric") + ": unknown metric '" + id + "'"
                                + Suggestions.didYouMean(id, Metric.ids()) + " (metrics: "
                                + String.join(", ", Metric.ids())
                                + ")");
            }
            return metric;
        });
    }

    private Optional<Measure> measure(YamlMap map, String key, Metric.Kind kind) {
        return map.text(key, false).flatMap(text -> {
            Optional<Measure> measure = Scalars.measure(text, kind);
            boolean business = kind == Metric.Kind.DURATION
                    && Span.parse(text).filter(Span::business).isPresent();
            if (business) {
                // a target on a time is an amount, not a span from an instant: there is no calendar to count it on
                ctx.report(
                        map.optional(key).orElseThrow(),
                        map.path(key) + ": a target time is measured on the wall clock; write it like 24h, not '" + text
                                + "'");
            } else if (measure.isEmpty()) {
                ctx.report(
                        map.optional(key).orElseThrow(),
                        map.path(key) + ": '" + text + "' is not " + kind.example()
                                + (kind == Metric.Kind.PERCENT ? " (0% to 100%)" : ""));
            }
            return measure;
        });
    }

    /** The sources that are sales' own; every other source is marketing's. */
    Attribution attribution(YamlMap root) {
        Optional<YamlMap> section = root.optional("attribution")
                .flatMap(node -> YamlMap.of(node, "attribution", ctx, Keys.of("sales-sources")));
        if (section.isEmpty()) {
            return Attribution.none();
        }
        YamlMap map = section.get();
        var sources = new java.util.ArrayList<String>();
        for (YamlMap.Item item : map.list("sales-sources", true, true).orElse(List.of())) {
            map.scalar(item.node(), item.path()).ifPresent(source -> {
                if (source.isBlank()) {
                    ctx.report(item.node(), item.path() + ": a source needs a name");
                } else if (sources.contains(source.strip())) {
                    ctx.report(item.node(), item.path() + ": '" + source + "' is listed twice");
                } else {
                    sources.add(source.strip());
                }
            });
        }
        return new Attribution(sources);
    }

    /** Who is told what: each rule names notice kinds, roles and channel kinds, all checked against what exists. */
    List<NotificationRule> notifications(YamlMap root, Map<String, String> roles) {
        var rules = new ArrayList<NotificationRule>();
        var known = new ArrayList<String>(List.of(NotificationRule.REP, NotificationRule.MANAGER));
        known.addAll(roles.keySet());
        for (YamlMap.Item item : root.list("notifications", false, false).orElse(List.of())) {
            YamlMap.of(item.node(), item.path(), ctx, NOTIFICATION).ifPresent(map -> {
                Optional<List<String>> on = words(map, "on", NoticeKind.words(), "kind of notice");
                Optional<List<String>> notify = words(map, "notify", known, "role (or 'rep' or 'manager')");
                Optional<List<String>> via = words(map, "via", ChannelKind.words(), "kind of channel");
                if (on.isPresent() && notify.isPresent() && via.isPresent()) {
                    ctx.build(
                                    item.node(),
                                    item.path(),
                                    () -> new NotificationRule(
                                            on.get().stream()
                                                    .map(NoticeKind::ofWord)
                                                    .toList(),
                                            notify.get(),
                                            via.get().stream()
                                                    .map(ChannelKind::ofWord)
                                                    .toList()))
                            .ifPresent(rules::add);
                }
            });
        }
        return rules;
    }

    /** A non-empty list of words, each one of {@code allowed}; every unknown word is reported where it stands. */
    private Optional<List<String>> words(YamlMap map, String key, List<String> allowed, String what) {
        Optional<List<YamlMap.Item>> items = map.list(key, true, true);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        var words = new ArrayList<String>();
        boolean ok = true;
        for (YamlMap.Item item : items.get()) {
            Optional<String> word = map.scalar(item.node(), item.path())
                    .filter(w -> Keys.defined(ctx, item.node(), item.path(), w, allowed, what));
            ok &= word.isPresent();
            word.filter(w -> !words.contains(w)).ifPresent(words::add);
        }
        return ok ? Optional.of(words) : Optional.empty();
    }
}
