package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.baton.adapter.csv.CsvImport;
import dev.baton.adapter.csv.LeadCsvExport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Imports and exports far larger than any request body Baton takes whole, streamed both ways. */
@Import(CsvStreamingTest.ProgressHeard.class)
class CsvStreamingTest extends LeadScenarios {

    @Autowired
    HeardProgress progress;

    private static final int ROWS = 50_000;

    @Test
    void largeEventFileStreamsThroughAndIsAppliedWhileItIsStillArriving() throws Exception {
        String prefix = unique("bulk");
        long before = storedEvents();
        var generated = new GeneratedCsv(
                "event_id,visitor_id,type,occurred_at,prop_url,prop_campaign,prop_referrer\n",
                i -> prefix + "-" + i + "," + prefix + "-v" + (i % 5000) + ",page_view,2026-11-20T14:00:00Z,/docs/"
                        + i + ",autumn-launch-north-america-mid-market-retargeting-" + (i % 7)
                        + ",https://www.example.com/search?q=lead+routing+software+for+b2b+revenue+teams&page="
                        + (i % 10) + "\n",
                ROWS,
                ROWS / 2,
                this::awaitImportWriting);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports/events"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generated))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("rows").asLong()).isEqualTo(ROWS);
        assertThat(report.at("/counts/stored").asLong()).isEqualTo(ROWS);
        assertThat(generated.bytes())
                .as("more than the largest body the API takes whole")
                .isGreaterThan(10L << 20);
        assertThat(generated.sawImportWriting).isTrue();
        assertThat(storedEvents()).isEqualTo(before + ROWS);
    }

    /**
     * Holds back the rest of the file until the import has applied its first rows: only a server that applies rows as
     * they arrive, rather than reading the whole body first, gets that far. The wait is for that event; the bound is
     * only there so that a server that never applies anything fails the test instead of hanging it.
     */
    private boolean awaitImportWriting() {
        try {
            return progress.firstRowsApplied.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Hears the import's progress, as the log does in production. */
    static final class HeardProgress implements CsvImport.Progress {
        final CountDownLatch firstRowsApplied = new CountDownLatch(1);

        @Override
        public void applied(String kind, long before, long now) {
            firstRowsApplied.countDown();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ProgressHeard {
        @Bean
        HeardProgress heardProgress() {
            return new HeardProgress();
        }
    }

    @Test
    void exportStreamsEveryLeadWithStageScoreAndOwner() throws Exception {
        long qualified = qualifiedLead();
        String domain = unique("export") + ".example";
        createLead("{\"email\":\"plain@" + domain + "\",\"firstName\":\"Ana\",\"title\":\"Buyer, \\\"senior\\\"\","
                + "\"company\":{\"name\":\"Initech\"}}");

        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/exports/leads"))
                                .header("Authorization", "Bearer " + TOKEN)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<CsvRecord> records;
        try (var reader = CsvReader.builder().ofCsvRecord(response.body(), StandardCharsets.UTF_8)) {
            records = reader.stream().toList();
        }
        assertThat(records.get(0).getFields()).startsWith(LeadCsvExport.COLUMNS.toArray(String[]::new));
        long leads = jdbc.sql("select count(*) from lead").query(Long.class).single();
        assertThat(records).hasSize((int) leads + 1);
        Map<String, Map<String, String>> byEmail = records.subList(1, records.size()).stream()
                .map(r -> named(records.get(0).getFields(), r.getFields()))
                .collect(Collectors.toMap(r -> r.get("email"), r -> r));
        Map<String, String> plain = byEmail.get("plain@" + domain);
        assertThat(plain)
                .containsEntry("stage", "lead")
                .containsEntry("owner", "")
                .containsEntry("first_name", "Ana")
                .containsEntry("title", "Buyer, \"senior\"")
                .containsEntry("company_name", "Initech")
                .containsEntry("company_domain", domain)
                .containsEntry("qualified_at", "");
        Map<String, String> mql = byEmail.values().stream()
                .filter(r -> r.get("id").equals(Long.toString(qualified)))
                .findFirst()
                .orElseThrow();
        assertThat(mql.get("stage")).isEqualTo("mql");
        assertThat(mql.get("score")).isEqualTo(lead(qualified).get("score").asString());
        assertThat(mql.get("qualified_with")).isEqualTo(Integer.toString(version));
        assertThat(Instant.parse(mql.get("qualified_at"))).isEqualTo(NOW);
    }

    private static Map<String, String> named(List<String> header, List<String> values) {
        var row = new LinkedHashMap<String, String>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), values.get(i));
        }
        return row;
    }

    /** A CSV file made line by line as it is read; it never exists whole. */
    static final class GeneratedCsv extends InputStream {
        private final IntFunction<String> line;
        private final int rows;
        private final int pauseAt;
        private final BooleanSupplier pause;
        private byte[] current;
        private int position;
        private int next;
        private long bytes;
        volatile boolean sawImportWriting;

        GeneratedCsv(String header, IntFunction<String> line, int rows, int pauseAt, BooleanSupplier pause) {
            this.line = line;
            this.rows = rows;
            this.pauseAt = pauseAt;
            this.pause = pause;
            this.current = header.getBytes(StandardCharsets.UTF_8);
        }

        long bytes() {
            return bytes;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == current.length) {
                if (next == rows) {
                    return -1;
                }
                if (next == pauseAt) {
                    sawImportWriting = pause.getAsBoolean();
                }
                current = line.apply(next++).getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            bytes += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            // nothing to release
        }
    }
}
