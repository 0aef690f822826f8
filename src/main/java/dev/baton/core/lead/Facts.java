package dev.baton.core.lead;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What is known about a lead and its company, keyed by field path ({@code lead.title}, {@code company.employees}). */
public record Facts(Map<String, String> values) {

    public Facts {
        var copy = new TreeMap<String, String>();
        values.forEach((field, value) -> {
            if (value != null && !value.isBlank()) {
                copy.put(field, value.strip());
            }
        });
        String email = copy.get("lead.email");
        if (email != null && email.indexOf('@') > 0 && !copy.containsKey("lead.email_domain")) {
            copy.put(
                    "lead.email_domain",
                    email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT));
        }
        values = Map.copyOf(copy);
    }

    public static Facts of(String... fieldsAndValues) {
        if (fieldsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields and values come in pairs");
        }
        var map = new TreeMap<String, String>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            map.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return new Facts(map);
    }

    public Optional<String> text(String field) {
        return Optional.ofNullable(values.get(field));
    }

    /** The field as a number, written plainly or like 5M; absent when it is missing or not a number. */
    public Optional<BigDecimal> number(String field) {
        return text(field)
                .flatMap(text -> text.startsWith("-")
                        ? Amounts.parse(text.substring(1)).map(BigDecimal::negate)
                        : Amounts.parse(text));
    }
}
