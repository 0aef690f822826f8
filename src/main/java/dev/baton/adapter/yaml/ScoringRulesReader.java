package dev.baton.adapter.yaml;

import dev.baton.core.agreement.Condition;
import dev.baton.core.agreement.EventMatcher;
import dev.baton.core.agreement.Field;
import dev.baton.core.agreement.FitRule;
import dev.baton.core.agreement.IntentRule;
import dev.baton.core.agreement.Names;
import dev.baton.core.agreement.NegativeRule;
import dev.baton.core.calendar.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the rules that score a lead: conditions, fit, negative and intent rules. */
final class ScoringRulesReader {

    static final Set<String> CONDITION = Keys.of("field", "min", "max", "in", "matches", "present");
    private static final Set<String> FIT = Keys.union(Keys.of("name", "points"), CONDITION.toArray(String[]::new));
    private static final Set<String> NEGATIVE = Keys.union(FIT, "event", "where");
    private static final Set<String> INTENT = Keys.of("name", "event", "where", "points", "cap", "window", "half-life");
    private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9_]*");

    private final Context ctx;
    private final Keys.Unique ruleNames = new Keys.Unique("scoring rule");
    private final List<String> declaredIntent = new ArrayList<>();
    private boolean intentReadable;

    ScoringRulesReader(Context ctx) {
        this.ctx = ctx;
    }

    List<FitRule> fit(YamlMap root) {
        var rules = new ArrayList<FitRule>();
        for (YamlMap.Item item : root.list("fit", true, true).orElse(List.of())) {
            YamlMap.of(item.node(), item.path(), ctx, FIT).ifPresent(map -> {
                Optional<String> name = name(map);
                Optional<Integer> points = map.integer("points", 1, 1000, true);
                Optional<Condition> condition = condition(map);
                if (name.isPresent() && points.isPresent() && condition.isPresent()) {
                    ctx.build(item.node(), item.path(), () -> new FitRule(name.get(), points.get(), condition.get()))
                            .ifPresent(rules::add);
                }
            });
        }
        return rules;
    }

    List<NegativeRule> negative(YamlMap root) {
        var rules = new ArrayList<NegativeRule>();
        for (YamlMap.Item item : root.list("negative", false, false).orElse(List.of())) {
            YamlMap.of(item.node(), item.path(), ctx, NEGATIVE).ifPresent(map -> {
                Optional<String> name = name(map);
                Optional<Integer> points = map.integer("points", -1000, -1, true);
                boolean onEvent = map.has("event");
                if (onEvent == map.has("field")) {
                    ctx.report(
                            item.node(),
                            item.path() + ": give either a 'field' test or an 'event', not "
                                    + (onEvent ? "both" : "neither"));
                    return;
                }
                if (!onEvent) {
                    map.keyNode("where")
                            .ifPresent(k -> ctx.report(
                                    k,
                                    item.path() + ": 'where' filters events; a field rule tests with 'in',"
                                            + " 'matches', 'min'/'max' or 'present'"));
                }
                if (onEvent) {
                    for (String key : CONDITION) {
                        map.keyNode(key)
                                .ifPresent(k -> ctx.report(
                                        k, item.path() + ": '" + key + "' tests a field; an event rule uses 'where'"));
                    }
                }
                Optional<? extends NegativeRule> rule = onEvent
                        ? event(map)
                                .flatMap(e ->
                                        both(name, points).map(np -> new NegativeRule.OnEvent(np.name, np.points, e)))
                        : condition(map)
                                .flatMap(c ->
                                        both(name, points).map(np -> new NegativeRule.OnField(np.name, np.points, c)));
                rule.ifPresent(rules::add);
            });
        }
        return rules;
    }

    private record NamedPoints(String name, int points) {}

    private static Optional<NamedPoints> both(Optional<String> name, Optional<Integer> points) {
        return name.flatMap(n -> points.map(p -> new NamedPoints(n, p)));
    }

    List<IntentRule> intent(YamlMap root) {
        var rules = new ArrayList<IntentRule>();
        Optional<List<YamlMap.Item>> items = root.list("intent", true, true);
        intentReadable = items.isPresent();
        for (YamlMap.Item item : items.orElse(List.of())) {
            YamlMap.of(item.node(), item.path(), ctx, INTENT).ifPresent(map -> {
                map.text("name", false).ifPresent(declaredIntent::add);
                Optional<String> name = name(map);
                Optional<EventMatcher> event = event(map);
                Optional<Integer> points = map.integer("points", 1, 1000, true);
                Optional<Integer> cap = map.integer("cap", 1, 100_000, false);
                Optional<Span> window = map.span("window", false);
                Optional<Span> halfLife = map.span("half-life", false);
                if (cap.isPresent() && points.isPresent() && cap.get() < points.get()) {
                    ctx.report(
                            map.optional("cap").orElseThrow(),
                            map.path("cap") + ": the cap " + cap.get() + " is below the " + points.get()
                                    + " points a single event earns");
                    return;
                }
                boolean complete = name.isPresent() && event.isPresent() && points.isPresent();
                boolean optionalsOk = cap.isPresent() == map.has("cap")
                        && window.isPresent() == map.has("window")
                        && halfLife.isPresent() == map.has("half-life");
                if (complete && optionalsOk) {
                    ctx.build(
                                    item.node(),
                                    item.path(),
                                    () -> new IntentRule(
                                            name.get(),
                                            event.get(),
                                            points.get(),
                                            cap.map(OptionalInt::of).orElse(OptionalInt.empty()),
                                            window,
                                            halfLife))
                            .ifPresent(rules::add);
                }
            });
        }
        return rules;
    }

    /**
     * The names the intent section declares, valid rules or not, so that a broken rule is reported once and not
     * again at every reference to it; empty when the section itself is missing or unreadable.
     */
    Optional<List<String>> declaredIntentNames() {
        return intentReadable ? Optional.of(List.copyOf(declaredIntent)) : Optional.empty();
    }

    private Optional<String> name(YamlMap map) {
        return map.text("name", true).filter(name -> {
            Node node = map.optional("name").orElseThrow();
            return Keys.spelled(
                            ctx,
                            node,
                            map.path("name"),
                            name,
                            Names.NAME,
                            "use lower-case letters, digits and dashes, like 'pricing-page'")
                    && ruleNames.add(ctx, node, map.path("name"), name);
        });
    }

    private Optional<EventMatcher> event(YamlMap map) {
        Optional<String> type = map.text("event", true)
                .filter(t -> Keys.spelled(
                        ctx,
                        map.optional("event").orElseThrow(),
                        map.path("event"),
                        t,
                        Names.EVENT_TYPE,
                        "event types are lower-case words joined by _, like page_view"));
        var where = new TreeMap<String, String>();
        boolean ok = true;
        Optional<Node> whereNode = map.optional("where");
        if (whereNode.isPresent()) {
            Optional<YamlMap> properties = YamlMap.of(whereNode.get(), map.path("where"), ctx, Keys.ANY);
            ok = properties.isPresent();
            for (String property : properties.map(YamlMap::keys).orElse(Set.of())) {
                YamlMap props = properties.get();
                Node keyNode = props.keyNode(property).orElseThrow();
                ok &= Keys.spelled(
                        ctx,
                        keyNode,
                        props.path(property),
                        property,
                        PROPERTY,
                        "property names are lower-case words joined by _");
                Optional<String> regex = props.text(property, true)
                        .filter(r -> compiles(props.optional(property).orElseThrow(), props.path(property), r));
                ok &= regex.isPresent();
                regex.ifPresent(r -> where.put(property, r));
            }
        }
        if (type.isEmpty() || !ok) {
            return Optional.empty();
        }
        return Optional.of(EventMatcher.of(type.get(), where));
    }

    /** A field condition: the field and exactly one test. */
    Optional<Condition> condition(YamlMap map) {
        Optional<Field> field = map.text("field", true).flatMap(path -> {
            Optional<Field> known = Field.byPath(path);
            if (known.isEmpty()) {
                ctx.report(
                        map.optional("field").orElseThrow(),
                        map.path("field") + ": unknown field '" + path + "'"
                                + Suggestions.didYouMean(path, Field.knownPaths())
                                + " (fields: " + String.join(", ", Field.knownPaths())
                                + ", or lead.attributes.<name>)");
            }
            return known;
        });
        List<String> tests = new ArrayList<>();
        if (map.has("min") || map.has("max")) {
            tests.add("min/max");
        }
        for (String key : List.of("in", "matches", "present")) {
            if (map.has(key)) {
                tests.add(key);
            }
        }
        if (tests.size() != 1) {
            ctx.report(
                    map.node(),
                    YamlMap.where(map.path())
                            + (tests.isEmpty()
                                    ? "needs a test: min and/or max, in, matches or present"
                                    : "give only one test, not " + String.join(" and ", tests)));
            return Optional.empty();
        }
        if (field.isEmpty()) {
            return Optional.empty();
        }
        return test(map, field.get(), tests.get(0));
    }

    private Optional<Condition> test(YamlMap map, Field field, String test) {
        switch (test) {
            case "min/max":
                if (!field.numeric()) {
                    ctx.report(map.node(), YamlMap.where(map.path()) + field + " is text; use 'in' or 'matches'");
                    return Optional.empty();
                }
                Optional<BigDecimal> min = amount(map, "min");
                Optional<BigDecimal> max = amount(map, "max");
                if (min.isPresent() != map.has("min") || max.isPresent() != map.has("max")) {
                    return Optional.empty();
                }
                if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
                    ctx.report(
                            map.optional("min").orElseThrow(),
                            map.path("min") + ": min " + map.text("min", true).orElse("") + " is above max "
                                    + map.text("max", true).orElse(""));
                    return Optional.empty();
                }
                return ctx.build(map.node(), map.path(), () -> new Condition.Range(field, min, max));
            case "in":
                return map.strings("in", true, true).map(values -> new Condition.OneOf(field, values));
            case "matches":
                return map.text("matches", true)
                        .filter(r -> compiles(map.optional("matches").orElseThrow(), map.path("matches"), r))
                        .map(regex -> Condition.Matches.of(field, regex));
            default:
                return map.bool("present").map(expected -> new Condition.Present(field, expected));
        }
    }

    private Optional<BigDecimal> amount(YamlMap map, String key) {
        return map.text(key, false).flatMap(text -> {
            Optional<BigDecimal> amount = Scalars.amount(text);
            if (amount.isEmpty()) {
                ctx.report(
                        map.optional(key).orElseThrow(),
                        map.path(key) + ": '" + text + "' is not an amount; write it like 50, 2500000 or 5M");
            }
            return amount;
        });
    }

    private boolean compiles(Node node, String path, String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            ctx.report(
                    node,
                    path + ": the pattern '" + regex + "' does not compile: " + e.getDescription()
                            + (e.getIndex() >= 0 ? " near position " + (e.getIndex() + 1) : ""));
            return false;
        }
    }
}
