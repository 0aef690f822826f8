package dev.baton.adapter.csv;

import dev.baton.core.engine.LeadIntake;
import dev.baton.core.lead.Email;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Rows of {@code leads}: a lead and its company per row, created or merged field by field like the API's. */
final class LeadRows implements Rows<LeadIntake.LeadInput> {

    /** Creates or updates leads; says of each whether it created one, changed one, or found it as the row says. */
    @FunctionalInterface
    interface Upsert {
        List<LeadIntake.Upserted> apply(List<LeadIntake.LeadInput> inputs);
    }

    /** The text columns and the field paths they fill, as the API fills them. */
    private static final Map<String, String> TEXT = texts();

    static final Columns COLUMNS =
            new Columns(List.of("email"), List.of(), List.copyOf(optional()), Optional.of("attr_"), Map.of());

    static final List<String> COUNTS = List.of("created", "updated", "unchanged");

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9-]+)+");
    private static final int MAX_TEXT = 1000;

    private final Upsert upsert;

    LeadRows(Upsert upsert) {
        this.upsert = upsert;
    }

    private static Map<String, String> texts() {
        var texts = new LinkedHashMap<String, String>();
        for (String field : List.of(
                "first_name",
                "last_name",
                "title",
                "phone",
                "country",
                "region",
                "state",
                "city",
                "source",
                "campaign",
                "utm_source",
                "utm_medium",
                "utm_campaign",
                "utm_term",
                "utm_content",
                "external_id")) {
            texts.put(field, "lead." + field);
        }
        texts.put("company_name", "company.name");
        for (String field : List.of("industry", "country", "region", "state")) {
            texts.put("company_" + field, "company." + field);
        }
        return texts;
    }

    static List<String> optional() {
        var columns = new ArrayList<>(TEXT.keySet());
        columns.addAll(List.of("estimated_deal_size", "company_domain", "company_employees", "company_annual_revenue"));
        return columns;
    }

    @Override
    public Optional<LeadIntake.LeadInput> parse(Row row) {
        Optional<Email> email =
                row.required("email", "the lead's email address").flatMap(text -> row.email("email"));
        Map<String, String> fields = fields(row);
        return row.hasErrors() ? Optional.empty() : Optional.of(new LeadIntake.LeadInput(email.orElseThrow(), fields));
    }

    /** The lead's and its company's fields a row gives, by the columns of a file of leads and its attr_ columns. */
    static Map<String, String> fields(Row row) {
        var fields = new TreeMap<String, String>();
        TEXT.forEach((column, path) -> row.text(column, MAX_TEXT).ifPresent(text -> fields.put(path, text)));
        row.amount("estimated_deal_size").ifPresent(amount -> fields.put("lead.estimated_deal_size", plain(amount)));
        row.amount("company_annual_revenue").ifPresent(amount -> fields.put("company.annual_revenue", plain(amount)));
        row.amount("company_employees").ifPresent(count -> {
            if (count.stripTrailingZeros().scale() > 0) {
                row.error("company_employees", "company_employees is a whole number of people, not " + count);
            } else {
                fields.put("company.employees", plain(count));
            }
        });
        row.text("company_domain").map(d -> d.toLowerCase(Locale.ROOT)).ifPresent(domain -> {
            if (DOMAIN.matcher(domain).matches()) {
                fields.put("company.domain", domain);
            } else {
                row.error("company_domain", "'" + domain + "' is not a domain like acme.com");
            }
        });
        row.free().forEach((name, value) -> {
            if (value.length() > MAX_TEXT) {
                row.error("attr_" + name, "attr_" + name + " is longer than " + MAX_TEXT + " characters");
            }
            fields.put("lead.attributes." + name, value);
        });
        return fields;
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    /** The chunk's leads in one batch: a few statements for all of them. */
    @Override
    public void apply(List<Parsed<LeadIntake.LeadInput>> chunk, Tally tally) {
        for (LeadIntake.Upserted done :
                upsert.apply(chunk.stream().map(Parsed::value).toList())) {
            tally.add(done.lead().created() ? "created" : done.changed() ? "updated" : "unchanged");
        }
    }

    @Override
    public int chunkSize() {
        return 500;
    }
}
