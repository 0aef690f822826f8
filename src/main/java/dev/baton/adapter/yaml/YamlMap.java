package dev.baton.adapter.yaml;

import dev.baton.core.calendar.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping seen through the agreement's vocabulary: unknown and repeated keys are reported once, and every
 * typed read reports what is wrong at the value's own line and column.
 */
final class YamlMap {

    /** Ten years: longer spans are typing mistakes, and business time would be counted far into the future. */
    private static final Duration LONGEST_SPAN = Duration.ofDays(3653);

    private final String path;
    private final MappingNode node;
    private final Context ctx;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Node> keys = new LinkedHashMap<>();

    private YamlMap(String path, MappingNode node, Context ctx) {
        this.path = path;
        this.node = node;
        this.ctx = ctx;
    }

    /** The mapping at {@code node}, with only {@code allowed} keys; empty (and reported) when it is not a mapping. */
    static Optional<YamlMap> of(Node node, String path, Context ctx, Set<String> allowed) {
        return of(node, path, ctx, allowed::contains, allowed);
    }

    /** A mapping whose keys are data, not names (dates, say); each value is read by the caller. */
    static Optional<YamlMap> anyKeys(Node node, String path, Context ctx) {
        return of(node, path, ctx, key -> true, Set.of());
    }

    private static Optional<YamlMap> of(
            Node node, String path, Context ctx, java.util.function.Predicate<String> known, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            ctx.report(node, where(path) + "expected a mapping of keys to values, found " + kind(node));
            return Optional.empty();
        }
        var map = new YamlMap(path, mapping, ctx);
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar)) {
                ctx.report(keyNode, where(path) + "a key must be a plain word, found " + kind(keyNode));
                continue;
            }
            String key = scalar.getValue();
            if (!known.test(key)) {
                ctx.report(
                        keyNode,
                        where(path) + "unknown key '" + key + "'" + Suggestions.didYouMean(key, allowed) + " (allowed: "
                                + String.join(", ", allowed) + ")");
            } else if (map.values.containsKey(key)) {
                ctx.report(keyNode, where(path) + "'" + key + "' is given twice");
            } else {
                map.values.put(key, tuple.getValueNode());
                map.keys.put(key, keyNode);
            }
        }
        return Optional.of(map);
    }

    static String where(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar
                && (scalar.getTag().equals(Tag.NULL)
                        || scalar.getValue().isEmpty()
                                && scalar.getScalarStyle().getChar() == null);
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    MappingNode node() {
        return node;
    }

    Context ctx() {
        return ctx;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Set<String> keys() {
        return values.keySet();
    }

    Optional<Node> keyNode(String key) {
        return Optional.ofNullable(keys.get(key));
    }

    /** The value of a key that may be absent. */
    Optional<Node> optional(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value of a key that must be present; reports its absence at the mapping. */
    Optional<Node> required(String key) {
        Node value = values.get(key);
        if (value == null) {
            ctx.report(node, path(key) + ": is required but missing");
        }
        return Optional.ofNullable(value);
    }

    private Optional<Node> get(String key, boolean required) {
        return required ? required(key) : optional(key);
    }

    Optional<String> text(String key, boolean required) {
        return get(key, required).flatMap(value -> scalar(value, path(key)));
    }

    /** The plain text of a scalar; reports lists, mappings and empty values. */
    Optional<String> scalar(Node value, String at) {
        if (value instanceof ScalarNode scalar && !isNull(value)) {
            return Optional.of(scalar.getValue());
        }
        ctx.report(value, at + ": expected a single value, found " + kind(value));
        return Optional.empty();
    }

    Optional<Integer> integer(String key, int min, int max, boolean required) {
        return get(key, required).flatMap(value -> integerAt(value, path(key), min, max));
    }

    Optional<Integer> integerAt(Node value, String at, int min, int max) {
        return scalar(value, at).flatMap(text -> {
            try {
                int number = Integer.parseInt(text.strip());
                if (number >= min && number <= max) {
                    return Optional.of(number);
                }
            } catch (NumberFormatException e) {
                // reported below, with the range
            }
            ctx.report(value, at + ": must be a whole number from " + min + " to " + max + ", not '" + text + "'");
            return Optional.empty();
        });
    }

    Optional<Boolean> bool(String key) {
        return optional(key)
                .flatMap(value -> scalar(value, path(key)).flatMap(text -> {
                    String folded = text.strip().toLowerCase(Locale.ROOT);
                    if (folded.equals("true") || folded.equals("false")) {
                        return Optional.of(Boolean.parseBoolean(folded));
                    }
                    ctx.report(value, path(key) + ": must be true or false, not '" + text + "'");
                    return Optional.empty();
                }));
    }

    Optional<Span> span(String key, boolean required) {
        return get(key, required).flatMap(value -> spanAt(value, path(key)));
    }

    Optional<Span> spanAt(Node value, String at) {
        return scalar(value, at).flatMap(text -> {
            Optional<Span> span = Span.parse(text);
            if (span.isEmpty()) {
                ctx.report(
                        value,
                        at + ": '" + text + "' is not a duration; write it like 30m, 2h, 30d, 2w, 4 business hours"
                                + " or 10 business days");
            } else if (span.get().calendarLength().compareTo(LONGEST_SPAN) > 0) {
                ctx.report(value, at + ": '" + text + "' is longer than ten years; no agreement promises that");
                return Optional.empty();
            }
            return span;
        });
    }

    /** One of a fixed set of words, with a suggestion for a near miss. */
    Optional<String> oneOf(String key, List<String> allowed, boolean required) {
        return text(key, required).filter(value -> {
            if (allowed.contains(value)) {
                return true;
            }
            ctx.report(
                    values.get(key),
                    path(key) + ": '" + value + "' is not one of " + String.join(", ", allowed)
                            + Suggestions.didYouMean(value, allowed));
            return false;
        });
    }

    /** The items of a list, with their paths; reports a non-list, and an empty one when {@code nonEmpty}. */
    Optional<List<Item>> list(String key, boolean required, boolean nonEmpty) {
        return get(key, required).flatMap(value -> {
            if (!(value instanceof SequenceNode sequence)) {
                ctx.report(value, path(key) + ": expected a list (lines starting with '- '), found " + kind(value));
                return Optional.empty();
            }
            if (nonEmpty && sequence.getValue().isEmpty()) {
                ctx.report(value, path(key) + ": must list at least one item");
                return Optional.empty();
            }
            var items = new ArrayList<Item>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                items.add(
                        new Item(path(key) + "[" + i + "]", sequence.getValue().get(i)));
            }
            return Optional.of(items);
        });
    }

    /** A list of single values; empty when any of them is not a single value. */
    Optional<List<String>> strings(String key, boolean required, boolean nonEmpty) {
        return list(key, required, nonEmpty).flatMap(items -> {
            var texts = new ArrayList<String>();
            boolean ok = true;
            for (Item item : items) {
                Optional<String> text = scalar(item.node(), item.path());
                ok &= text.isPresent();
                text.ifPresent(texts::add);
            }
            return ok ? Optional.of(texts) : Optional.empty();
        });
    }

    /** One item of a list, with the path that problems name it by. */
    record Item(String path, Node node) {}
}
