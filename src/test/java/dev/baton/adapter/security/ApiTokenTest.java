package dev.baton.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.IntegrationTest;
import dev.baton.testing.RawHttp;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * API tokens as an integration holds them: shown once and stored as a hash, acting as their owner within their
 * scopes, refused once revoked, expired or their owner disabled, each held to its own rate limit; the limit on
 * request bodies; and event intake signed with the intake secret instead of sent with a token.
 */
@TestPropertySource(
        properties = {
            "baton.api.max-body-bytes=" + ApiTokenTest.MAX_BODY_BYTES,
            "baton.api.ingest-secret=" + ApiTokenTest.INGEST_SECRET
        })
class ApiTokenTest extends IntegrationTest {

    static final int MAX_BODY_BYTES = 4096;
    static final String INGEST_SECRET = "whsec_c2lnbmVkIGJ5IHRoZSBmb3JtcyBvZiB0aGUgd2Vic2l0ZQ==";

    @Autowired
    JdbcClient jdbc;

    /** A token just made: its id and the secret the answer showed. */
    record Made(long id, String secret) {}

    @Test
    void theSecretIsInTheCreateAnswerAndInNoListingOfTokens() {
        user("tara@acme.example", "revops");

        Made made = token("tara@acme.example", "crm sync", "\"read\"", null);

        assertThat(made.secret()).matches("baton_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(get("/api/v1/tokens").body()).contains("crm sync").doesNotContain(secretPart(made));
        assertThat(get("/api/v1/tokens/" + made.id()).body())
                .contains("crm sync")
                .doesNotContain(secretPart(made));
    }

    @Test
    void theTokensTableHoldsNoColumnEqualToTheSecret() {
        user("theo@acme.example", "revops");
        Made made = token("theo@acme.example", "warehouse", "\"read\"", null);

        List<Map<String, Object>> rows = jdbc.sql("select * from api_token where id = :id")
                .param("id", made.id())
                .query()
                .listOfRows();

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).values())
                .allSatisfy(value -> assertThat(String.valueOf(value))
                        .isNotEqualTo(made.secret())
                        .doesNotContain(secretPart(made)));
    }

    @Test
    void aTokenActsAsItsOwnerWithinItsScopes() {
        user("olga@acme.example", "marketing", "revops");
        Made made = token("olga@acme.example", "form sync", "\"read\",\"write\"", null);

        JsonNode me = with(made, "GET", "/api/v1/me", null).json();

        assertThat(me.get("name").asString()).isEqualTo("olga@acme.example");
        assertThat(words(me.get("roles"))).containsExactlyInAnyOrder("marketing", "revops");
        assertThat(words(me.get("scopes"))).containsExactlyInAnyOrder("read", "write");
        assertThat(me.get("source").asString()).isEqualTo("token");
        assertThat(me.get("via").asString()).isEqualTo("form sync");
    }

    @Test
    void usingATokenSetsWhenItWasLastUsed() {
        user("uma@acme.example", "revops");
        Made made = token("uma@acme.example", "dashboard", "\"read\"", null);
        assertThat(get("/api/v1/tokens/" + made.id()).json().get("lastUsedAt").isNull())
                .isTrue();

        with(made, "GET", "/api/v1/me", null);

        assertThat(get("/api/v1/tokens/" + made.id()).json().get("lastUsedAt").asString())
                .isEqualTo(clock.instant().toString());
    }

    @Test
    void theLastUseIsKeptToTheMinute() {
        user("ugo@acme.example", "revops");
        Made made = token("ugo@acme.example", "dashboard", "\"read\"", null);
        Instant first = clock.instant();
        with(made, "GET", "/api/v1/me", null);

        clock.advance(Duration.ofSeconds(30));
        with(made, "GET", "/api/v1/me", null);
        String halfAMinuteOn = lastUsedAt(made);
        clock.advance(Duration.ofSeconds(31));
        with(made, "GET", "/api/v1/me", null);

        assertThat(halfAMinuteOn).isEqualTo(first.toString());
        assertThat(lastUsedAt(made)).isEqualTo(clock.instant().toString());
    }

    @Test
    void anAdminsReadOnlyTokenMayNotAddUsers() {
        user("ari@acme.example", "admin");
        Made made = token("ari@acme.example", "reports", "\"read\"", null);

        Response refused = with(made, "POST", "/api/v1/users", "{\"email\":\"new@acme.example\",\"roles\":[\"rep\"]}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("scopes do not include admin");
        assertThat(get("/api/v1/users").body()).doesNotContain("new@acme.example");
    }

    @Test
    void anIngestOnlyTokenMaySendEventsButNotReadLeads() {
        user("ivy@acme.example", "marketing");
        Made made = token("ivy@acme.example", "website", "\"ingest\"", null);

        Response sent =
                with(made, "POST", "/api/v1/events", events(UUID.randomUUID().toString(), "ivy-lead"));
        Response read = with(made, "GET", "/api/v1/leads", null);

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("stored").asInt()).isEqualTo(1);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.json().get("detail").asString()).contains("scopes do not include read");
    }

    @Test
    void aRevokedTokenIsRefusedSayingSo() {
        user("rex@acme.example", "revops");
        Made made = token("rex@acme.example", "old sync", "\"read\"", null);
        assertThat(with(made, "GET", "/api/v1/me", null).status()).isEqualTo(200);

        assertThat(delete("/api/v1/tokens/" + made.id()).status()).isEqualTo(200);
        Response refused = with(made, "GET", "/api/v1/me", null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("revoked");
    }

    @Test
    void anExpiredTokenIsRefusedSayingSo() {
        user("eve@acme.example", "revops");
        Instant expiry = clock.instant().plus(Duration.ofHours(1));
        Made made = token("eve@acme.example", "trial", "\"read\"", ",\"expiresAt\":\"" + expiry + "\"");
        assertThat(with(made, "GET", "/api/v1/me", null).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(2));
        Response refused = with(made, "GET", "/api/v1/me", null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("expired");
    }

    @Test
    void theTokenOfADisabledOwnerIsRefused() {
        long owner = user("dan@acme.example", "rep");
        Made made = token("dan@acme.example", "phone", "\"read\"", null);
        assertThat(with(made, "GET", "/api/v1/me", null).status()).isEqualTo(200);

        patch("/api/v1/users/" + owner, "{\"disabled\":true}");
        Response refused = with(made, "GET", "/api/v1/me", null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("dan@acme.example", "disabled");
    }

    @Test
    void aTokenOverItsRateLimitIsAnswered429WithRetryAfter() {
        user("lia@acme.example", "revops");
        Made made = token("lia@acme.example", "poller", "\"read\"", ",\"requestsPerMinute\":3");
        for (int i = 0; i < 3; i++) {
            assertThat(with(made, "GET", "/api/v1/me", null).status()).isEqualTo(200);
        }

        RawHttp.Response refused = new RawHttp(port)
                .send("GET", "/api/v1/me", Map.of("Authorization", "Bearer " + made.secret()), new byte[0]);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().get("retry-after"))).isGreaterThanOrEqualTo(1);
        assertThat(refused.body()).contains("3 requests a minute");
    }

    @Test
    void aTokenOverItsRateLimitIsServedAgainAMinuteLater() {
        user("leo@acme.example", "revops");
        Made made = token("leo@acme.example", "poller", "\"read\"", ",\"requestsPerMinute\":3");
        for (int i = 0; i < 4; i++) {
            with(made, "GET", "/api/v1/me", null);
        }

        clock.advance(Duration.ofMinutes(1));

        assertThat(with(made, "GET", "/api/v1/me", null).status()).isEqualTo(200);
    }

    @Test
    void oneTokenOverItsRateLimitLeavesAnotherUnaffected() {
        user("lou@acme.example", "revops");
        Made busy = token("lou@acme.example", "busy poller", "\"read\"", ",\"requestsPerMinute\":3");
        Made other = token("lou@acme.example", "quiet poller", "\"read\"", ",\"requestsPerMinute\":3");
        for (int i = 0; i < 4; i++) {
            with(busy, "GET", "/api/v1/me", null);
        }

        assertThat(with(busy, "GET", "/api/v1/me", null).status()).isEqualTo(429);
        assertThat(with(other, "GET", "/api/v1/me", null).status()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsAnswered413() {
        String email = "big@acme.example";
        String body = "{\"email\":\"" + email + "\",\"firstName\":\"" + "x".repeat(MAX_BODY_BYTES) + "\"}";

        Response refused = postJson("/api/v1/leads", body);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("type").asString()).endsWith("/too-large");
        assertThat(get("/api/v1/leads").body()).doesNotContain(email);
    }

    @Test
    void aCorrectlySignedBatchWithoutATokenIsStored() {
        String eventId = UUID.randomUUID().toString();
        String body = events(eventId, "signed-lead");

        Response stored = signed("/api/v1/events", body, clock.instant().getEpochSecond(), body);

        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("stored").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from engagement_event where event_id = :id")
                        .param("id", eventId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aWrongSignatureIsRefused() {
        String body = events(UUID.randomUUID().toString(), "forged-lead");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/events"))
                .header("Content-Type", "application/json")
                .header("webhook-id", "msg_1")
                .header("webhook-timestamp", Long.toString(clock.instant().getEpochSecond()))
                .header("webhook-signature", "v1," + Base64.getEncoder().encodeToString(new byte[32]))
                .POST(HttpRequest.BodyPublishers.ofString(body));

        Response refused = send(request, false);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("does not match");
        assertThat(stored("forged-lead")).isZero();
    }

    @Test
    void aSignatureTenMinutesOffTheClockIsRefused() {
        String body = events(UUID.randomUUID().toString(), "stale-lead");
        long tenMinutesAgo = clock.instant().minus(Duration.ofMinutes(10)).getEpochSecond();

        Response refused = signed("/api/v1/events", body, tenMinutesAgo, body);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("five minutes");
        assertThat(stored("stale-lead")).isZero();
    }

    @Test
    void aSignatureOpensNoOtherEndpoint() {
        String body = "{\"email\":\"signed-elsewhere@acme.example\"}";

        Response refused = signed("/api/v1/leads", body, clock.instant().getEpochSecond(), body);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(get("/api/v1/leads").body()).doesNotContain("signed-elsewhere@acme.example");
    }

    @Test
    void aSignatureOverADifferentBodyIsRefused() {
        String signedBody = events(UUID.randomUUID().toString(), "meant-lead");
        String sentBody = events(UUID.randomUUID().toString(), "swapped-lead");

        Response refused = signed("/api/v1/events", signedBody, clock.instant().getEpochSecond(), sentBody);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(stored("swapped-lead")).isZero();
        assertThat(stored("meant-lead")).isZero();
    }

    /** Adds a user without a password, by the bootstrap admin token; returns their id. */
    private long user(String email, String... roles) {
        String list = String.join(
                ",", List.of(roles).stream().map(r -> "\"" + r + "\"").toList());
        Response added = postJson("/api/v1/users", "{\"email\":\"" + email + "\",\"roles\":[" + list + "]}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().get("id").asLong();
    }

    private Made token(String owner, String name, String scopes, @Nullable String more) {
        Response made = postJson(
                "/api/v1/tokens",
                "{\"name\":\"" + name + "\",\"owner\":\"" + owner + "\",\"scopes\":[" + scopes + "]"
                        + (more == null ? "" : more) + "}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return new Made(
                made.json().at("/details/id").asLong(), made.json().get("token").asString());
    }

    private Response with(Made token, String method, String path, @Nullable String json) {
        return sendWith(
                token.secret(),
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    private String lastUsedAt(Made token) {
        return get("/api/v1/tokens/" + token.id()).json().get("lastUsedAt").asString();
    }

    /** A request signed as Standard Webhooks signs, over {@code signedBody}, that carries {@code sentBody}. */
    private Response signed(String path, String signedBody, long timestamp, String sentBody) {
        String id = "msg_" + UUID.randomUUID();
        String signature = Base64.getEncoder().encodeToString(hmac(id + "." + timestamp + "." + signedBody));
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .header("webhook-id", id)
                        .header("webhook-timestamp", Long.toString(timestamp))
                        .header("webhook-signature", "v1," + signature)
                        .POST(HttpRequest.BodyPublishers.ofString(sentBody)),
                false);
    }

    private static byte[] hmac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = Base64.getDecoder().decode(INGEST_SECRET.substring("whsec_".length()));
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A batch of one page view by {@code person}@acme.example. */
    private String events(String eventId, String person) {
        return "{\"events\":[{\"eventId\":\"" + eventId + "\",\"email\":\"" + person
                + "@acme.example\",\"type\":\"page_view\",\"occurredAt\":\"" + clock.instant() + "\"}]}";
    }

    /** How many events are stored for {@code person}@acme.example. */
    private int stored(String person) {
        return jdbc.sql(
                        "select count(*) from engagement_event e join lead l on l.id = e.lead_id where l.email = :email")
                .param("email", person + "@acme.example")
                .query(Integer.class)
                .single();
    }

    private static String secretPart(Made made) {
        return made.secret().substring("baton_".length() + 12 + "_".length());
    }

    private static List<String> words(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }
}
