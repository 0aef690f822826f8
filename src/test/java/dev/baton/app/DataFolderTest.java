package dev.baton.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.BatonProcess;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One Baton per data folder, and the embedded database it runs there keeps every acknowledged write on disk. */
class DataFolderTest {

    // C1 only: these JVMs live for seconds, so a quick start matters more than peak speed
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

    @TempDir
    Path dataDir;

    @Test
    void aSecondBatonOnALiveFolderRefusesAtOnceAndTheFirstKeepsServing() throws Exception {
        try (BatonProcess first = BatonProcess.start(dataDir, JVM_OPTIONS)) {
            ProcessHandle postgres = first.postgres().orElseThrow();

            BatonProcess.Refusal second = BatonProcess.runToRefusal(dataDir, JVM_OPTIONS);

            assertThat(second.exitCode()).as(second.output()).isNotIn(0, Integer.MIN_VALUE);
            assertThat(second.output())
                    .contains("Baton is already running on the data folder " + dataDir.toAbsolutePath())
                    .contains("process " + first.pid())
                    .doesNotContain("shutting it down");
            assertThat(postgres.isAlive()).isTrue();
            assertThat(first.postgres()).contains(postgres);
            try (Connection fresh = first.database();
                    ResultSet one = fresh.createStatement().executeQuery("select 1")) {
                assertThat(one.next()).isTrue();
            }
            assertThat(first.send(first.request("/api/v1/agreements").GET()).statusCode())
                    .isEqualTo(200);
            assertThat(first.send(first.request("/api/v1/leads")
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"after@acme.example\"}")))
                            .statusCode())
                    .isEqualTo(201);
        }
    }

    @Test
    void theFirstAdminIsToldToSignInOnThePortBatonServes() throws Exception {
        try (BatonProcess baton = BatonProcess.start(dataDir, JVM_OPTIONS)) {
            assertThat(baton.logTail()).contains("Sign in at http://localhost:" + baton.port() + "/login as");
        }
    }

    @Test
    void theEmbeddedDatabaseSyncsEveryCommitToDisk() throws Exception {
        try (BatonProcess baton = BatonProcess.start(dataDir, JVM_OPTIONS);
                Connection db = baton.database()) {
            assertThat(setting(db, "fsync")).isEqualTo("on");
            assertThat(setting(db, "full_page_writes")).isEqualTo("on");
            assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void aFolderWhoseBatonHasStoppedCanBeTakenAgain() throws Exception {
        try (BatonProcess first = BatonProcess.start(dataDir, JVM_OPTIONS)) {
            first.postJson("/api/v1/leads", "{\"email\":\"kept@acme.example\"}");
        }
        try (BatonProcess second = BatonProcess.start(dataDir, JVM_OPTIONS)) {
            assertThat(second.getJson("/api/v1/leads/1").get("email").asString())
                    .isEqualTo("kept@acme.example");
        }
    }

    private static String setting(Connection db, String name) throws Exception {
        try (ResultSet row = db.createStatement().executeQuery("show " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
