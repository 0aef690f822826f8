package dev.baton.adapter.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.baton.core.engine.LeadListing;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes every lead as CSV, a page at a time, so that an export of any size streams out as it is read: where it stands,
 * who works it, its company, when its latest handoff cycle reached each stage, its opportunity's amount, and its
 * attributes under the {@code attr_} columns the import reads.
 */
public final class LeadCsvExport {

    /** The fixed columns; then one {@code attr_NAME} column per attribute any lead has, as the import reads them. */
    public static final List<String> COLUMNS = List.of(
            "id",
            "email",
            "stage",
            "score",
            "priority",
            "owner",
            "team",
            "queue",
            "first_name",
            "last_name",
            "title",
            "phone",
            "source",
            "campaign",
            "external_id",
            "company_name",
            "company_domain",
            "created_at",
            "qualified_at",
            "qualified_with",
            "accepted_at",
            "rejected_at",
            "sql_at",
            "opportunity_at",
            "won_at",
            "lost_at",
            "disqualified_at",
            "nurture_at",
            "recycled_at",
            "amount",
            "currency");

    /** The stages whose time of the latest handoff cycle a column holds, in the columns' order. */
    private static final List<String> REACHED =
            List.of("accepted", "rejected", "sql", "opportunity", "won", "lost", "disqualified", "nurture", "recycled");

    static final int PAGE = 1000;

    private final LeadListing listing;

    public LeadCsvExport(LeadListing listing) {
        this.listing = listing;
    }

    /** Writes the header and every lead in id order; leaves the stream open. */
    public void write(OutputStream out) {
        try {
            CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            List<String> attributes = listing.attributeNames();
            var header = new java.util.ArrayList<>(COLUMNS);
            attributes.forEach(name -> header.add("attr_" + name));
            csv.writeRecord(header);
            long after = 0;
            List<LeadListing.Listed> page;
            do {
                page = listing.page(after, PAGE);
                for (LeadListing.Listed lead : page) {
                    csv.writeRecord(values(lead, attributes));
                    after = lead.id();
                }
                csv.flush();
            } while (page.size() == PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> values(LeadListing.Listed lead, List<String> attributes) {
        Map<String, String> profile = lead.profile();
        var values = new java.util.ArrayList<>(List.of(
                Long.toString(lead.id()),
                lead.email(),
                lead.stage().word(),
                text(lead.score()),
                String.join(";", lead.priority()),
                lead.owner().orElse(""),
                lead.team().orElse(""),
                lead.queue().orElse(""),
                profile.getOrDefault("lead.first_name", ""),
                profile.getOrDefault("lead.last_name", ""),
                profile.getOrDefault("lead.title", ""),
                profile.getOrDefault("lead.phone", ""),
                profile.getOrDefault("lead.source", ""),
                profile.getOrDefault("lead.campaign", ""),
                profile.getOrDefault("lead.external_id", ""),
                lead.company().getOrDefault("company.name", profile.getOrDefault("company.name", "")),
                lead.company().getOrDefault("company.domain", ""),
                lead.createdAt().toString(),
                lead.qualifiedAt().map(Instant::toString).orElse(""),
                text(lead.qualifiedWith())));
        for (String stage : REACHED) {
            values.add(Optional.ofNullable(lead.reached().get(stage))
                    .map(Instant::toString)
                    .orElse(""));
        }
        values.add(
                lead.amount().map(a -> a.stripTrailingZeros().toPlainString()).orElse(""));
        values.add(lead.currency().orElse(""));
        for (String name : attributes) {
            values.add(profile.getOrDefault("lead.attributes." + name, ""));
        }
        return values;
    }

    private static String text(Optional<Integer> number) {
        return number.map(String::valueOf).orElse("");
    }
}
