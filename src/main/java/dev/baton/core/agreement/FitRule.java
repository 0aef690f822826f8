package dev.baton.core.agreement;

import java.util.LinkedHashMap;
import java.util.Map;

/** An ideal-customer-profile rule: points for a lead or company that passes a condition. */
public record FitRule(String name, int points, Condition condition) implements Clause {

    public FitRule {
        Names.requireName(name);
        if (points < 1 || points > 1000) {
            throw new IllegalArgumentException("fit rule " + name + ": points must be 1..1000, not " + points);
        }
    }

    @Override
    public String key() {
        return name;
    }

    @Override
    public Map<String, String> attributes() {
        var map = new LinkedHashMap<String, String>();
        map.put("test", condition.describe());
        map.put("points", Integer.toString(points));
        return map;
    }
}
