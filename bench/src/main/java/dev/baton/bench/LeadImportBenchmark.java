package dev.baton.bench;

import static dev.baton.bench.Report.format;

import dev.baton.testing.BatonProcess;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * How fast a file of leads imports: {@code leadimport.leads} rows (100,000 by default) of a CRM's lead export — name,
 * title, source, campaign, company name, domain, size and country, an attribute — four leads to a company, posted to
 * {@code /api/v1/imports/leads} as one streamed CSV, against COPY of the same rows into the same tables (lead and
 * company, with their profiles as JSON) in the same run. Targets: at least 5,000 leads/s and at least a tenth of COPY.
 */
public final class LeadImportBenchmark {

    private static final Path AGREEMENT = Path.of("examples/agreements/saas-north-america-europe.yaml");
    private static final List<String> SOURCES =
            List.of("webinar", "paid_search", "organic_search", "referral", "events");
    private static final List<String> COUNTRIES = List.of("US", "US", "CA", "GB", "DE", "FR", "BR");

    private final long leads = Long.getLong("leadimport.leads", 100_000);
    private final Report report = new Report();

    public static void main(String[] args) throws Exception {
        new LeadImportBenchmark().run();
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("baton-lead-import");
        try (BatonProcess baton = BatonProcess.start(dir, List.of("-Xmx512m", "-Dbaton.rescoring.worker=false"));
                Connection db = baton.database()) {
            baton.activateAgreement(Files.readString(AGREEMENT));
            log("warm-up: 10,000 leads");
            importCsv(baton, csv("warm", 10_000));
            String file = csv("lead", leads);
            log("import of %,d leads (%,d bytes)", leads, file.length());
            double seconds = importCsv(baton, file);
            double rate = leads / seconds;
            log("COPY of the same rows");
            double copy = leads / copy(db, leads);
            report.atLeast(
                    "lead import, " + format(leads, 0) + " leads",
                    format(rate, 0) + " leads/s (" + format(seconds, 1) + " s)",
                    rate,
                    5_000,
                    "≥ 5,000 leads/s");
            report.atLeast("lead import against COPY", format(rate / copy, 3) + "× COPY", rate / copy, 0.10, "≥ 0.1×");
            report.info("COPY of the same rows into lead and company", format(copy, 0) + " leads/s", "baseline");
            System.out.println();
            System.out.println(report.markdown());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The rows of a lead export, the same for the same prefix and count. */
    private static String csv(String prefix, long count) {
        var random = new Random(count);
        var csv = new StringBuilder(
                "email,first_name,last_name,title,source,campaign,company_name,company_domain,company_employees,"
                        + "company_country,attr_seats\n");
        for (long i = 0; i < count; i++) {
            long company = i / 4;
            String domain = prefix + "-co" + company + ".example";
            csv.append(prefix)
                    .append(i)
                    .append('@')
                    .append(domain)
                    .append(',')
                    .append("Dana")
                    .append(',')
                    .append("Reyes")
                    .append(i)
                    .append(',')
                    .append(random.nextInt(4) == 0 ? "VP Marketing" : "Marketing Manager")
                    .append(',')
                    .append(SOURCES.get(random.nextInt(SOURCES.size())))
                    .append(',')
                    .append("spring-")
                    .append(random.nextInt(12))
                    .append(',')
                    .append("Company ")
                    .append(company)
                    .append(random.nextInt(8) == 0 ? " Inc." : "")
                    .append(',')
                    .append(domain)
                    .append(',')
                    .append(20 + (company * 37) % 5000)
                    .append(',')
                    .append(COUNTRIES.get((int) (company % COUNTRIES.size())))
                    .append(',')
                    .append(random.nextInt(200))
                    .append('\n');
        }
        return csv.toString();
    }

    /** Posts the file as one streamed import; the seconds until Baton answered. */
    private static double importCsv(BatonProcess baton, String csv) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = baton.send(baton.request("/api/v1/imports/leads")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the import answered " + response.statusCode() + ": " + response.body());
        }
        return seconds;
    }

    /**
     * COPY of the same rows into company and lead, with their profiles as Baton keeps them, in one transaction; the
     * seconds it took, the company ids linked by the database.
     */
    private static double copy(Connection db, long count) throws SQLException {
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        var random = new Random(count);
        var companies = new StringBuilder();
        var leads = new StringBuilder();
        for (long i = 0; i < count; i++) {
            long company = i / 4;
            String domain = "copy-co" + company + ".example";
            if (i % 4 == 0) {
                companies
                        .append(domain)
                        .append('\t')
                        .append("{\"company.domain\": \"")
                        .append(domain)
                        .append("\", \"company.name\": \"Company ")
                        .append(company)
                        .append("\", \"company.employees\": \"")
                        .append(20 + (company * 37) % 5000)
                        .append("\", \"company.country\": \"")
                        .append(COUNTRIES.get((int) (company % COUNTRIES.size())))
                        .append("\"}\t2026-12-01 00:00:00+00\t2026-12-01 00:00:00+00\n");
            }
            leads.append("copy")
                    .append(i)
                    .append('@')
                    .append(domain)
                    .append('\t')
                    .append("{\"lead.first_name\": \"Dana\", \"lead.last_name\": \"Reyes")
                    .append(i)
                    .append("\", \"lead.title\": \"")
                    .append(random.nextInt(4) == 0 ? "VP Marketing" : "Marketing Manager")
                    .append("\", \"lead.source\": \"")
                    .append(SOURCES.get(random.nextInt(SOURCES.size())))
                    .append("\", \"lead.campaign\": \"spring-")
                    .append(random.nextInt(12))
                    .append("\", \"lead.attributes.seats\": \"")
                    .append(random.nextInt(200))
                    .append("\"}\t2026-12-01 00:00:00+00\t2026-12-01 00:00:00+00\t")
                    .append(domain)
                    .append('\n');
        }
        long started = System.nanoTime();
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement statement = db.createStatement()) {
            copy.copyIn(
                    "copy company (domain, profile, created_at, updated_at) from stdin",
                    new java.io.StringReader(companies.toString()));
            statement.execute("create temporary table copied_lead (email text, profile jsonb, created_at timestamptz,"
                    + " updated_at timestamptz, domain text) on commit drop");
            copy.copyIn(
                    "copy copied_lead (email, profile, created_at, updated_at, domain) from stdin",
                    new java.io.StringReader(leads.toString()));
            statement.execute("insert into lead (email, profile, created_at, updated_at, company_id)"
                    + " select l.email, l.profile, l.created_at, l.updated_at, c.id"
                    + " from copied_lead l join company c on c.domain = l.domain");
            db.commit();
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        } finally {
            db.setAutoCommit(auto);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.printf("[lead import] " + format + "%n", args);
    }
}
