package dev.baton.core.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which lead sources are sales' own (outbound prospecting, a rep's referral): a lead from any other source is
 * marketing-sourced. Without the section every lead with a source counts as marketing's.
 */
public record Attribution(List<String> salesSources) implements Clause {

    public Attribution {
        salesSources = List.copyOf(salesSources);
        if (salesSources.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a sales source needs a name");
        }
    }

    public static Attribution none() {
        return new Attribution(List.of());
    }

    @Override
    public String key() {
        return "attribution";
    }

    @Override
    public Map<String, String> attributes() {
        var map = new LinkedHashMap<String, String>();
        map.put("sales-sources", salesSources.isEmpty() ? "none" : String.join(", ", salesSources));
        return map;
    }
}
