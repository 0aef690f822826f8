package dev.baton.adapter.yaml;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Key sets in the order the reference documents them, and checks on names and references. */
final class Keys {

    /** Admits every key: for mappings whose keys are the file's own (roles, event properties). */
    static final Set<String> ANY = new AbstractSet<>() {
        @Override
        public boolean contains(Object key) {
            return true;
        }

        @Override
        public Iterator<String> iterator() {
            return Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }
    };

    private Keys() {}

    static Set<String> of(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }

    static Set<String> union(Set<String> first, String... more) {
        var all = new LinkedHashSet<>(first);
        all.addAll(List.of(more));
        return all;
    }

    /** Checks the spelling of a name-like value. */
    static boolean spelled(Context ctx, Node node, String path, String value, Pattern pattern, String rule) {
        if (pattern.matcher(value).matches()) {
            return true;
        }
        ctx.report(node, path + ": '" + value + "' is not valid; " + rule);
        return false;
    }

    /** Checks that a referenced name is defined, suggesting the closest one that is. */
    static boolean defined(Context ctx, Node node, String path, String name, Collection<String> defined, String what) {
        if (defined.contains(name)) {
            return true;
        }
        String hint = defined.isEmpty() ? " (none are defined)" : Suggestions.didYouMean(name, defined);
        if (hint.isEmpty() && defined.size() <= 12) {
            hint = " (defined: " + String.join(", ", defined) + ")";
        }
        ctx.report(node, path + ": no " + what + " named '" + name + "' is defined" + hint);
        return false;
    }

    /** Remembers names of one kind and reports the second definition of any of them. */
    static final class Unique {
        private final String what;
        private final Map<String, String> firstPath = new HashMap<>();

        Unique(String what) {
            this.what = what;
        }

        boolean add(Context ctx, Node node, String path, String name) {
            String earlier = firstPath.putIfAbsent(name, path);
            if (earlier != null) {
                ctx.report(node, path + ": the " + what + " '" + name + "' is already defined at " + earlier);
                return false;
            }
            return true;
        }
    }
}
