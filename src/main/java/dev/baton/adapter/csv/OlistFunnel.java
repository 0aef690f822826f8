package dev.baton.adapter.csv;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps Olist's marketing funnel — its MQLs and the deals closed with them — onto Baton's {@code leads} and
 * {@code stage-changes} files: each MQL a lead that reached {@code mql} at its first contact, by its origin; each closed
 * deal accepted and qualified by its SDR and opened by its sales rep at that time (Olist does not record when), and won
 * on its won date by its sales rep.
 */
public final class OlistFunnel {

    public static final String MQLS = "olist_marketing_qualified_leads_dataset.csv";
    public static final String DEALS = "olist_closed_deals_dataset.csv";
    public static final String LEADS_OUT = "leads.csv";
    public static final String STAGES_OUT = "stage-changes.csv";

    /** Olist's first-contact dates are days in Brazil; its won dates are UTC (midnight there is 03:00 in them). */
    static final ZoneId BRAZIL = ZoneId.of("America/Sao_Paulo");

    private static final DateTimeFormatter WON = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> MQL_COLUMNS =
            List.of("mql_id", "first_contact_date", "landing_page_id", "origin");
    private static final List<String> DEAL_COLUMNS = List.of("mql_id", "sdr_id", "sr_id", "won_date");
    private static final List<String> DEAL_ATTRIBUTES = List.of(
            "seller_id",
            "business_segment",
            "lead_type",
            "lead_behaviour_profile",
            "has_company",
            "has_gtin",
            "average_stock",
            "business_type",
            "declared_product_catalog_size",
            "declared_monthly_revenue");

    /** What a conversion wrote — leads, won deals, stage changes by stage — and what it adjusted or left out. */
    public record Summary(int leads, int deals, Map<String, Integer> stageChanges, List<String> notes) {
        public Summary {
            stageChanges = Map.copyOf(stageChanges);
            notes = List.copyOf(notes);
        }
    }

    /** A line of an Olist file that cannot be converted. */
    public static final class InvalidInput extends Exception {
        public InvalidInput(Path file, long line, String message) {
            super(file + ":" + line + ": " + message);
        }
    }

    /** A closed deal, keyed by its MQL. */
    private record Deal(String sdr, String sr, Instant wonAt, Map<String, String> attributes) {}

    private final CsvWriter leadsOut;
    private final CsvWriter stagesOut;
    private final Map<String, Integer> stages = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    private OlistFunnel(CsvWriter leadsOut, CsvWriter stagesOut) {
        this.leadsOut = leadsOut;
        this.stagesOut = stagesOut;
    }

    /** Reads both Olist files in {@code dir}; writes {@code leads.csv} and {@code stage-changes.csv} to {@code out}. */
    public static Summary convert(Path dir, Path out) throws IOException, InvalidInput {
        Map<String, Deal> deals = deals(dir.resolve(DEALS));
        try (CsvWriter leads = writer(out.resolve(LEADS_OUT));
                CsvWriter changes = writer(out.resolve(STAGES_OUT))) {
            var funnel = new OlistFunnel(leads, changes);
            funnel.mqls(dir.resolve(MQLS), deals);
            deals.keySet().forEach(id -> funnel.notes.add("the deal of mql_id " + id + " has no MQL; left out"));
            return new Summary(funnel.seen.size(), funnel.stages.getOrDefault("won", 0), funnel.stages, funnel.notes);
        }
    }

    private void mqls(Path file, Map<String, Deal> deals) throws IOException, InvalidInput {
        try (CsvReader<CsvRecord> reader = reader(file)) {
            Iterator<CsvRecord> records = reader.iterator();
            Positions columns = Positions.of(file, records, MQL_COLUMNS);
            var header = new ArrayList<>(List.of("email", "external_id", "source", "attr_landing_page_id"));
            DEAL_ATTRIBUTES.forEach(name -> header.add("attr_" + name));
            leadsOut.writeRecord(header);
            stagesOut.writeRecord("email", "stage", "at", "actor", "source");
            while (records.hasNext()) {
                mql(file, records.next(), columns, deals);
            }
        }
    }

    private void mql(Path file, CsvRecord mql, Positions columns, Map<String, Deal> deals) throws InvalidInput {
        String id = columns.get(mql, "mql_id");
        if (id.isEmpty() || !seen.add(id)) {
            notes.add("line " + mql.getStartingLineNumber() + " of " + MQLS + ": "
                    + (id.isEmpty() ? "no mql_id" : "mql_id " + id + " again") + "; left out");
            return;
        }
        Instant contact = firstContact(file, mql, columns.get(mql, "first_contact_date"));
        String origin = columns.get(mql, "origin");
        Deal deal = deals.remove(id);
        // a blank origin stays blank: it is not the same as Olist's own "unknown"
        var lead = new ArrayList<>(List.of(email(id), id, origin, columns.get(mql, "landing_page_id")));
        DEAL_ATTRIBUTES.forEach(
                name -> lead.add(deal == null ? "" : deal.attributes().get(name)));
        leadsOut.writeRecord(lead);
        change(id, "mql", contact, origin.isEmpty() ? "marketing" : origin);
        if (deal != null) {
            closed(id, contact, deal);
        }
    }

    private void closed(String id, Instant contact, Deal deal) {
        change(id, "accepted", contact, deal.sdr());
        change(id, "sql", contact, deal.sdr());
        change(id, "opportunity", contact, deal.sr());
        Instant won = deal.wonAt();
        if (won.isBefore(contact)) {
            notes.add("mql_id " + id + " was won on " + won + ", before its first contact on " + contact
                    + "; its win is recorded at its first contact, so that its history stays in order");
            won = contact;
        }
        change(id, "won", won, deal.sr());
    }

    private void change(String id, String stage, Instant at, String actor) {
        stagesOut.writeRecord(email(id), stage, at.toString(), actor, "olist");
        stages.merge(stage, 1, Integer::sum);
    }

    static String email(String mqlId) {
        return "contact@" + mqlId + ".olist.example";
    }

    private static Map<String, Deal> deals(Path file) throws IOException, InvalidInput {
        var deals = new HashMap<String, Deal>();
        try (CsvReader<CsvRecord> reader = reader(file)) {
            Iterator<CsvRecord> records = reader.iterator();
            List<String> wanted = new ArrayList<>(DEAL_COLUMNS);
            wanted.addAll(DEAL_ATTRIBUTES);
            Positions columns = Positions.of(file, records, wanted);
            while (records.hasNext()) {
                CsvRecord deal = records.next();
                var attributes = new HashMap<String, String>();
                DEAL_ATTRIBUTES.forEach(name -> attributes.put(name, columns.get(deal, name)));
                Deal closed = new Deal(
                        columns.required(file, deal, "sdr_id"),
                        columns.required(file, deal, "sr_id"),
                        wonAt(file, deal, columns.get(deal, "won_date")),
                        attributes);
                if (deals.put(columns.required(file, deal, "mql_id"), closed) != null) {
                    throw new InvalidInput(file, deal.getStartingLineNumber(), "a second deal for one mql_id");
                }
            }
        }
        return deals;
    }

    private static Instant firstContact(Path file, CsvRecord record, String text) throws InvalidInput {
        try {
            return LocalDate.parse(text).atStartOfDay(BRAZIL).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(
                    file, record.getStartingLineNumber(), "'" + text + "' is not a date like 2018-02-01");
        }
    }

    private static Instant wonAt(Path file, CsvRecord record, String text) throws InvalidInput {
        try {
            return LocalDateTime.parse(text, WON).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(
                    file, record.getStartingLineNumber(), "'" + text + "' is not a time like 2018-02-26 19:58:54");
        }
    }

    private static CsvReader<CsvRecord> reader(Path file) throws IOException {
        return CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(file);
    }

    private static CsvWriter writer(Path file) throws IOException {
        return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file);
    }

    /** Where an Olist file keeps each column it must have. */
    private record Positions(Map<String, Integer> positions) {
        static Positions of(Path file, Iterator<CsvRecord> records, List<String> names) throws InvalidInput {
            if (!records.hasNext()) {
                throw new InvalidInput(file, 1, "the file is empty");
            }
            List<String> header = records.next().getFields();
            var positions = new HashMap<String, Integer>();
            for (String name : names) {
                int position = header.indexOf(name);
                if (position < 0) {
                    throw new InvalidInput(file, 1, "the column " + name + " is missing");
                }
                positions.put(name, position);
            }
            return new Positions(positions);
        }

        String get(CsvRecord record, String name) {
            int position = positions.get(name);
            return position < record.getFieldCount() ? record.getField(position).strip() : "";
        }

        String required(Path file, CsvRecord record, String name) throws InvalidInput {
            String value = get(record, name);
            if (value.isEmpty()) {
                throw new InvalidInput(file, record.getStartingLineNumber(), name + " is empty");
            }
            return value;
        }
    }
}
