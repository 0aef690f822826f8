package dev.baton.testing;

import dev.baton.app.BatonServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole Baton on a random port, on the real embedded PostgreSQL in a folder of its own, with a settable clock, spoken
 * to over real HTTP. Each test class gets its own Baton, database and clock, so that no class sees another's leads,
 * reps' loads or time; the folder is deleted once the class is done. Rescoring jobs, the SLA timers and notice deliveries are worked by the tests
 * themselves, step by step, instead of by the background worker.
 */
@ExtendWith(IntegrationTest.DeleteDataFolders.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = BatonServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "baton.api.token=" + IntegrationTest.TOKEN,
            "baton.rescoring.worker=false",
            "baton.sla.timers=false",
            "baton.escalations.worker=false",
            "baton.notifications.worker=false"
        })
@Import({IntegrationTest.TestClock.class, ObservedStatuses.Recorder.class})
public abstract class IntegrationTest {

    public static final String TOKEN = "test-token";
    private static final List<Path> DATA_DIRS = new CopyOnWriteArrayList<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected SettableClock clock;

    /** Called once for each context built, so each test class's Baton has a folder of its own. */
    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("baton-test-");
            DATA_DIRS.add(dir);
            registry.add("baton.data.dir", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes the data folders of the Batons that have stopped. Registered before Spring's extension, it runs after
     * Spring has closed the class's context, and with it the class's PostgreSQL.
     */
    static final class DeleteDataFolders implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            for (Path dir : DATA_DIRS) {
                if (!Files.exists(dir.resolve("postgres/postmaster.pid"))) {
                    DATA_DIRS.remove(dir);
                    deleteTree(dir);
                }
            }
        }

        private static void deleteTree(Path dir) throws IOException {
            try (var paths = Files.walk(dir)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** A response with its body read as JSON when it is JSON. */
    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    protected Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), true);
    }

    /** A GET asking for plain text. */
    protected String getText(String path) {
        return send(
                        HttpRequest.newBuilder(uri(path))
                                .header("Accept", "text/plain")
                                .GET(),
                        true)
                .body();
    }

    protected Response getWithoutToken(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), false);
    }

    protected Response post(String path, String contentType, String body) {
        return postBytes(path, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    protected Response postBytes(String path, String contentType, byte[] body) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                true);
    }

    protected Response putWithType(String path, String contentType, String body) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", contentType)
                        .PUT(HttpRequest.BodyPublishers.ofString(body)),
                true);
    }

    protected Response put(String path, String json) {
        return putWithType(path, "application/json", json);
    }

    protected Response patch(String path, String json) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)),
                true);
    }

    protected Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), true);
    }

    protected Response postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    /** Stores, signs and activates an example agreement; returns its version number. */
    protected int activateExample(String file) {
        try {
            return activate(Files.readString(Path.of("examples/agreements", file)), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores, signs and activates an agreement; returns its version number. */
    protected int activate(String source, String file) {
        Response created = post("/api/v1/agreements?author=revops", "application/yaml", source);
        int number = created.json().get("number").asInt();
        postJson(
                "/api/v1/agreements/" + number + "/approvals", "{\"side\":\"marketing\",\"approver\":\"m@x.example\"}");
        postJson("/api/v1/agreements/" + number + "/approvals", "{\"side\":\"sales\",\"approver\":\"s@x.example\"}");
        Response active = postJson("/api/v1/agreements/" + number + "/activation", "{\"actor\":\"revops\"}");
        if (active.status() != 200) {
            throw new IllegalStateException("could not activate " + file + ": " + active.body());
        }
        return number;
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected static Response send(HttpRequest.Builder request, boolean withToken) {
        if (withToken) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The shared context's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        SettableClock settableClock() {
            return new SettableClock(Instant.parse("2026-11-02T14:00:00Z"));
        }

        @Bean
        @Primary
        Clock testClock(SettableClock clock) {
            return clock;
        }
    }
}
