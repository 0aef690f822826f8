package dev.baton.core.agreement;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A lead or company field that rules can test, such as {@code company.employees}. */
public record Field(String path, boolean numeric) {

    private static final Pattern ATTRIBUTE = Pattern.compile("lead\\.attributes\\.[a-z][a-z0-9_]*");

    /** Every field Baton knows; {@code lead.attributes.<key>} reaches the free-form attributes too. */
    public static final List<Field> KNOWN = List.of(
            text("lead.email"),
            text("lead.email_domain"),
            text("lead.first_name"),
            text("lead.last_name"),
            text("lead.title"),
            text("lead.phone"),
            text("lead.country"),
            text("lead.region"),
            text("lead.state"),
            text("lead.city"),
            text("lead.source"),
            text("lead.campaign"),
            new Field("lead.estimated_deal_size", true),
            text("company.name"),
            text("company.domain"),
            new Field("company.employees", true),
            new Field("company.annual_revenue", true),
            text("company.industry"),
            text("company.country"),
            text("company.region"),
            text("company.state"));

    private static Field text(String path) {
        return new Field(path, false);
    }

    /** The field with this path; attributes are accepted and may hold text or numbers. */
    public static Optional<Field> byPath(String path) {
        for (Field field : KNOWN) {
            if (field.path.equals(path)) {
                return Optional.of(field);
            }
        }
        if (ATTRIBUTE.matcher(path).matches()) {
            return Optional.of(new Field(path, true));
        }
        return Optional.empty();
    }

    public static List<String> knownPaths() {
        return KNOWN.stream().map(Field::path).toList();
    }

    @Override
    public String toString() {
        return path;
    }
}
