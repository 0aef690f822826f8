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
import java.util.Optional;

/** Writes every lead as CSV, a page at a time, so that an export of any size streams out as it is read. */
public final class LeadCsvExport {

    public static final List<String> COLUMNS = List.of(
            "id",
            "email",
            "stage",
            "score",
            "owner",
            "first_name",
            "last_name",
            "title",
            "source",
            "company_name",
            "company_domain",
            "created_at",
            "qualified_at",
            "qualified_with");

    static final int PAGE = 1000;

    private final LeadListing listing;

    public LeadCsvExport(LeadListing listing) {
        this.listing = listing;
    }

    /** Writes the header and every lead in id order; leaves the stream open. */
    public void write(OutputStream out) {
        try {
            CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            csv.writeRecord(COLUMNS);
            long after = 0;
            List<LeadListing.Listed> page;
            do {
                page = listing.page(after, PAGE);
                for (LeadListing.Listed lead : page) {
                    csv.writeRecord(values(lead));
                    after = lead.id();
                }
                csv.flush();
            } while (page.size() == PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> values(LeadListing.Listed lead) {
        return List.of(
                Long.toString(lead.id()),
                lead.email(),
                lead.stage().word(),
                text(lead.score()),
                lead.owner().orElse(""),
                lead.profile().getOrDefault("lead.first_name", ""),
                lead.profile().getOrDefault("lead.last_name", ""),
                lead.profile().getOrDefault("lead.title", ""),
                lead.profile().getOrDefault("lead.source", ""),
                lead.company().getOrDefault("company.name", ""),
                lead.company().getOrDefault("company.domain", ""),
                lead.createdAt().toString(),
                lead.qualifiedAt().map(Instant::toString).orElse(""),
                text(lead.qualifiedWith()));
    }

    private static String text(Optional<Integer> number) {
        return number.map(String::valueOf).orElse("");
    }
}
