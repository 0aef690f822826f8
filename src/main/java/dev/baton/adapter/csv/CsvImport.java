package dev.baton.adapter.csv;

import dev.baton.core.engine.Activities;
import dev.baton.core.engine.LeadCommands;
import dev.baton.core.engine.LeadIntake;
import dev.baton.core.engine.LeadQueries;
import dev.baton.core.engine.Transactions;
import dev.baton.core.lead.Email;
import dev.baton.core.metrics.SpendStore;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Imports CSV files of leads, events, activities, opportunities, past stage changes and marketing spend onto the
 * core's use cases, a
 * row at a time as the file streams in, in one transaction that is kept — or rolled back for a dry run, or for an
 * all-or-nothing import that found errors.
 */
public final class CsvImport {

    /** Whether errors stop the whole import or only their own rows. */
    public enum Mode {
        ALL_OR_NOTHING,
        VALID_ROWS;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Mode> of(String word) {
            for (Mode mode : values()) {
                if (mode.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    /** What to do with a column the kind of import does not know. */
    public enum UnknownColumns {
        /** Keep its values as the lead's attributes ({@code attr_} + its name), where the kind has attributes. */
        ATTRIBUTES,
        /** Read past it. */
        IGNORE,
        /** Refuse the file, naming the column. */
        ERROR;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<UnknownColumns> of(String word) {
            for (UnknownColumns choice : values()) {
                if (choice.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(choice);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * How to import: the mode, whether only to rehearse, renames from the file's column names to Baton's, what to do
     * with columns Baton does not know, the timezone of times written without an offset (and of bare dates, read as
     * the start of their day), and whether the file is history only: its open MQLs are then not routed.
     */
    public record Options(
            Mode mode,
            boolean dryRun,
            Map<String, String> renames,
            UnknownColumns unknown,
            java.time.ZoneId zone,
            boolean historyOnly,
            Optional<FunnelMapping> funnel) {
        public Options {
            renames = Map.copyOf(renames);
        }

        /** Unknown columns kept as attributes, times without an offset in UTC, MQLs left waiting routed. */
        public Options(Mode mode, boolean dryRun, Map<String, String> renames) {
            this(mode, dryRun, renames, UnknownColumns.ATTRIBUTES, java.time.ZoneOffset.UTC, false, Optional.empty());
        }
    }

    /** Hears how far an import has come: after each chunk of rows is applied, how many were applied before and now. */
    @FunctionalInterface
    public interface Progress {
        void applied(String kind, long before, long now);

        /** Logs each ten thousand rows, so that an operator sees a long import move. */
        static Progress logged() {
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CsvImport.class);
            return (kind, before, now) -> {
                if (now / 10_000 > before / 10_000) {
                    log.info("Import of {}: {} rows applied so far", kind, now);
                }
            };
        }
    }

    /** One kind of import: its columns, the counts it reports, and a fresh reader for each import. */
    record Kind(String name, Columns columns, List<String> counts, Supplier<Rows<?>> rows) {}

    static final String ACTOR = "import";

    /** The kind whose columns a mapping gives, per import. */
    public static final String FUNNEL = "funnel";

    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    private final LeadIntake intake;
    private final LifecycleRunner lifecycle;
    private final Transactions transactions;
    private final Clock clock;
    private final Progress progress;

    public CsvImport(
            LeadIntake intake,
            LeadCommands commands,
            Activities activities,
            LeadQueries queries,
            SpendStore spend,
            Transactions transactions,
            Clock clock,
            Progress progress) {
        this.intake = intake;
        this.lifecycle = (id, at, cause, command) -> commands.runAt(id, at, cause, command);
        this.transactions = transactions;
        this.clock = clock;
        this.progress = progress;
        LeadDirectory directory = new LeadDirectory() {
            @Override
            public Optional<Long> idOf(Email email) {
                return queries.idOf(email.address());
            }

            @Override
            public long create(Email email) {
                return intake.upsert(new LeadIntake.LeadInput(email, Map.of()), ACTOR)
                        .lead()
                        .id();
            }
        };
        add("leads", LeadRows.COLUMNS, LeadRows.COUNTS, () -> new LeadRows(inputs -> intake.upsertAll(inputs, ACTOR)));
        add("events", EventRows.COLUMNS, EventRows.COUNTS, () -> new EventRows(batch -> intake.ingest(batch, ACTOR)));
        add(
                "activities",
                ActivityRows.COLUMNS,
                ActivityRows.COUNTS,
                () -> new ActivityRows(directory, activities::log));
        add(
                "opportunities",
                OpportunityRows.COLUMNS,
                OpportunityRows.COUNTS,
                () -> new OpportunityRows(directory, lifecycle));
        add(
                "stage-changes",
                StageChangeRows.COLUMNS,
                StageChangeRows.COUNTS,
                () -> new StageChangeRows(directory, lifecycle, ids -> intake.routeWaiting(ids, "imported as an MQL")));
        add("spend", SpendRows.COLUMNS, SpendRows.COUNTS, () -> new SpendRows(spend));
    }

    private void add(String name, Columns columns, List<String> counts, Supplier<Rows<?>> rows) {
        kinds.put(name, new Kind(name, columns, counts, rows));
    }

    /**
     * The kinds of import, as the path names them: leads, events, activities, opportunities, stage-changes, spend, and
     * funnel (whose columns its mapping names).
     */
    public Set<String> kinds() {
        var all = new java.util.LinkedHashSet<>(kinds.keySet());
        all.add(FUNNEL);
        return all;
    }

    /** Reads the whole file and reports what happened; the kind must be one of {@link #kinds()}. */
    public ImportReport run(String kind, Options options, InputStream body) {
        Kind chosen = kinds.get(kind);
        if (kind.equals(FUNNEL)) {
            FunnelMapping mapping = options.funnel()
                    .orElseThrow(() -> new IllegalArgumentException("a funnel import needs its mapping"));
            chosen = new Kind(
                    FUNNEL,
                    FunnelRows.columns(mapping),
                    FunnelRows.COUNTS,
                    () -> new FunnelRows(mapping, input -> intake.upsert(input, ACTOR), lifecycle));
        }
        if (chosen == null) {
            throw new IllegalArgumentException("there is no import of kind " + kind);
        }
        Kind running = chosen;
        return transactions.inTransaction(
                () -> new ImportRun<>(running, running.rows().get(), options, transactions, clock.instant(), progress)
                        .read(body),
                ImportReport::keeps);
    }
}
