package dev.baton.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.BatonProcess;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Baton in its own JVM, killed with SIGKILL while a client streams event batches, then started again on the same data
 * folder: every batch it acknowledged is stored, and the batch that was in flight, sent again, is stored once.
 */
class KillNineDurabilityTest {

    private static final int BATCH_SIZE = 100;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 5;
    // C1 only: these JVMs live for seconds, so a quick start matters more than peak speed
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");
    private static final Path AGREEMENT = Path.of("examples/agreements/saas-north-america-europe.yaml");

    @TempDir
    Path dataDir;

    private final List<BatonProcess> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        started.forEach(BatonProcess::close);
    }

    @Test
    void acknowledgedBatchesSurviveAKilledJvmWhosePostgresStillRuns() throws Exception {
        crashWhileStreaming(baton -> {
            ProcessHandle postmaster = baton.postgres().orElseThrow(() -> new AssertionError("no PostgreSQL found"));
            baton.kill();
            assertThat(ProcessHandle.of(baton.pid())).as("the killed JVM").isEmpty();
            assertThat(postmaster.isAlive())
                    .as("the killed JVM's PostgreSQL, pid " + postmaster.pid())
                    .isTrue();
        });
    }

    @Test
    void acknowledgedBatchesSurviveAKilledJvmAndAKilledPostgres() throws Exception {
        crashWhileStreaming(baton -> {
            ProcessHandle postmaster = baton.postgres().orElseThrow(() -> new AssertionError("no PostgreSQL found"));
            long pid = postmaster.pid();
            baton.kill();
            baton.killPostgres();
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                    .as("PostgreSQL, pid " + pid + ", after SIGKILL")
                    .isEmpty();
        });
    }

    private void crashWhileStreaming(Consumer<BatonProcess> crash) throws Exception {
        BatonProcess first = start();
        first.activateAgreement(Files.readString(AGREEMENT));
        var client = new StreamingClient(first);
        Thread streaming = new Thread(client::stream, "streaming-client");
        streaming.start();
        assertThat(client.awaitAcknowledged(ACKNOWLEDGED_BEFORE_KILL, Duration.ofSeconds(30)))
                .as(() -> "batches acknowledged before the kill; client failure: " + client.failure + "\n"
                        + first.logTail())
                .isTrue();

        crash.accept(first);
        streaming.join(Duration.ofSeconds(30).toMillis());
        assertThat(client.failure).as("why the client stopped").isInstanceOf(IOException.class);

        BatonProcess second = start();
        Batch interrupted = client.inFlight;
        JsonNode retried = second.postJson("/api/v1/events", interrupted.json());
        assertThat(retried.get("stored").asInt() + retried.get("duplicates").asInt())
                .isEqualTo(BATCH_SIZE);

        List<String> sent = new ArrayList<>();
        client.acknowledged.forEach(batch -> sent.addAll(batch.eventIds()));
        sent.addAll(interrupted.eventIds());
        assertThat(client.acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        assertThat(storedEventIds(second)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
    }

    private BatonProcess start() throws IOException {
        BatonProcess baton = BatonProcess.start(dataDir, JVM_OPTIONS);
        started.add(baton);
        return baton;
    }

    private static List<String> storedEventIds(BatonProcess baton) throws Exception {
        var ids = new ArrayList<String>();
        try (Connection db = baton.database();
                ResultSet rows = db.createStatement().executeQuery("select event_id from engagement_event")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** A batch of new events about ten leads, each event with an id of its own. */
    private record Batch(List<String> eventIds, String json) {

        private static final String[] KINDS = {
            "\"type\":\"page_view\",\"properties\":{\"url\":\"/pricing\"}",
            "\"type\":\"page_view\",\"properties\":{\"url\":\"/blog/handoff\"}",
            "\"type\":\"email_clicked\",\"properties\":{\"campaign\":\"q4\"}",
            "\"type\":\"content_downloaded\",\"properties\":{\"contentId\":\"guide\"}",
        };

        static Batch number(int n, Instant now) {
            var ids = new ArrayList<String>();
            var events = new ArrayList<String>();
            for (int i = 0; i < BATCH_SIZE; i++) {
                String id = "batch-" + n + "-event-" + i;
                String email = "lead-" + n + "-" + i % 10 + "@company-" + i % 10 + ".example";
                ids.add(id);
                events.add("{\"eventId\":\"%s\",\"email\":\"%s\",%s,\"occurredAt\":\"%s\"}"
                        .formatted(id, email, KINDS[i % KINDS.length], now.minusSeconds(60L * i)));
            }
            return new Batch(List.copyOf(ids), "{\"events\":[" + String.join(",", events) + "]}");
        }
    }

    /** Sends batch after batch until the server stops answering, remembering which ones it acknowledged. */
    private static final class StreamingClient {
        private final BatonProcess baton;
        private final List<Batch> acknowledged = new CopyOnWriteArrayList<>();
        private final Semaphore acknowledgements = new Semaphore(0);
        private volatile @Nullable Batch inFlight;
        private volatile @Nullable Exception failure;

        StreamingClient(BatonProcess baton) {
            this.baton = baton;
        }

        void stream() {
            Instant now = Instant.now();
            try {
                for (int n = 0; ; n++) {
                    Batch batch = Batch.number(n, now);
                    inFlight = batch;
                    HttpResponse<String> response = baton.send(baton.request("/api/v1/events")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(batch.json())));
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException(
                                "batch " + n + ": " + response.statusCode() + " " + response.body());
                    }
                    acknowledged.add(batch);
                    acknowledgements.release();
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        boolean awaitAcknowledged(int batches, Duration timeout) throws InterruptedException {
            return acknowledgements.tryAcquire(batches, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
