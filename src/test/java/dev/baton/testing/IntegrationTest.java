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
            // the clock stands still unless a test moves it, so a bucket would never refill: tests of the limit set
            // their own
            "baton.api.requests-per-minute=100000000",
            "baton.rescoring.worker=false",
            "baton.simulation.worker=false",
            "baton.sla.timers=false",
            "baton.escalations.worker=false",
            "baton.notifications.worker=false",
            // the tests read the dashboard's figures right after each change; how long a view is waited for is
            // KeptViewsTest's
            "baton.dashboard.wait=10m"
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
    /** A name no other test has used: the name and a random suffix. */
    protected static String unique(String name) {
        return name + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** Someone new with these roles, signed in on the pages with their first password changed. */
    protected WebSession signedInOnPages(String email, String... roles) {
        String password = "a long enough password";
        Response added = postJson(
                "/api/v1/users",
                "{\"email\":\"" + email + "\",\"roles\":" + JSON.valueToTree(List.of(roles)) + ",\"password\":\""
                        + password + "x\"}");
        if (added.status() != 201) {
            throw new IllegalStateException("could not add " + email + ": " + added.body());
        }
        var web = new WebSession(port);
        web.signIn(email, password + "x");
        web.get("/account/password");
        web.post(
                "/account/password",
                java.util.Map.of("current", password + "x", "password", password, "repeat", password));
        web.get("/");
        return web;
    }

    protected int activateExample(String file) {
        try {
            return activate(Files.readString(Path.of("examples/agreements", file)), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores, signs and activates an agreement; returns its version number. */
    protected int activate(String source, String file) {
        Response created = post("/api/v1/agreements", "application/yaml", source);
        if (created.status() != 201) {
            throw new IllegalStateException("could not store " + file + ": " + created.body());
        }
        int number = created.json().get("number").asInt();
        signAndActivate(number, file);
        return number;
    }

    /** Signs a stored version for both sides, by a marketer and a sales manager, and activates it. */
    protected void signAndActivate(int number, String file) {
        as(MARKETER, "POST", "/api/v1/agreements/" + number + "/approvals", "{\"side\":\"marketing\"}");
        as(SALES_MANAGER, "POST", "/api/v1/agreements/" + number + "/approvals", "{\"side\":\"sales\"}");
        Response active = postJson("/api/v1/agreements/" + number + "/activation", "{}");
        if (active.status() != 200) {
            throw new IllegalStateException("could not activate " + file + ": " + active.body());
        }
    }

    /** The marketer who signs agreements for marketing in these tests. */
    protected static final String MARKETER = "m@x.example";

    /** The sales manager who signs agreements for sales in these tests. */
    protected static final String SALES_MANAGER = "s@x.example";

    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * An API token with every scope for the user with this email, made (with the user, holding these roles) the first
     * time this Baton is asked; the roles of the two signers above are known.
     */
    protected String tokenOf(String email, String... roles) {
        // a later Baton may be given the port of an earlier one: the key names this one's own clock as well
        return TOKENS.computeIfAbsent(port + "/" + System.identityHashCode(clock) + "/" + email, key -> {
            String[] held = roles.length > 0
                    ? roles
                    : email.equals(MARKETER)
                            ? new String[] {"marketing"}
                            : email.equals(SALES_MANAGER) ? new String[] {"sales_manager"} : new String[] {"rep"};
            String list = java.util.Arrays.stream(held)
                    .map(r -> "\"" + r + "\"")
                    .collect(java.util.stream.Collectors.joining(","));
            Response user = postJson("/api/v1/users", "{\"email\":\"" + email + "\",\"roles\":[" + list + "]}");
            if (user.status() != 201 && user.status() != 409) {
                throw new IllegalStateException("could not add " + email + ": " + user.body());
            }
            Response token = postJson(
                    "/api/v1/tokens",
                    "{\"name\":\"tests\",\"owner\":\"" + email
                            + "\",\"scopes\":[\"ingest\",\"read\",\"write\",\"admin\"]}");
            if (token.status() != 201) {
                throw new IllegalStateException("could not make a token for " + email + ": " + token.body());
            }
            return token.json().get("token").asString();
        });
    }

    /** A request with a JSON body (or none, for a null one) as the user with this email. */
    protected Response as(String email, String method, String path, @org.jspecify.annotations.Nullable String json) {
        return as(email, method, path, "application/json", json);
    }

    /** A request with a body of the given type (or none, for a null one) as the user with this email. */
    protected Response as(
            String email,
            String method,
            String path,
            String contentType,
            @org.jspecify.annotations.Nullable String body) {
        return sendWith(
                tokenOf(email),
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", contentType)
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A request with the given bearer token. */
    protected static Response sendWith(String token, HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + token);
        return send(request, false);
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
