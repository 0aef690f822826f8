package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.baton.core.agreement.ChannelKind;
import dev.baton.core.agreement.NoticeKind;
import dev.baton.core.engine.Deliveries;
import dev.baton.core.engine.DueClocks;
import dev.baton.core.engine.Outbox;
import dev.baton.core.notification.Notice;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Notices delivered to real receivers: a real SMTP server (GreenMail), and a local HTTP server that speaks as Slack's
 * incoming webhooks and as a webhook receiver that verifies the Standard Webhooks signature with its own code and
 * deduplicates on webhook-id. Deliveries are run by the test, with the clock moved past each backoff.
 */
class NotificationsTest extends LeadScenarios {

    private static final String KEY = "a signing key of thirty-two bytes";
    private static final String SECRET =
            "whsec_" + Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));
    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Receiver RECEIVER = new Receiver();

    static {
        MAIL.start();
    }

    @Autowired
    Deliveries deliveries;

    @Autowired
    Outbox outbox;

    @Autowired
    DueClocks timers;

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("baton.notifications.email.from", () -> "baton@northwind.example");
        registry.add("baton.notifications.slack.webhook-url", () -> RECEIVER.url("/slack"));
        registry.add("baton.notifications.webhook.url", () -> RECEIVER.url("/webhook"));
        registry.add("baton.notifications.webhook.secret", () -> SECRET);
        registry.add("baton.notifications.max-attempts", () -> "4");
        registry.add("baton.notifications.base-url", () -> "https://baton.northwind.example");
    }

    @AfterAll
    static void stopServers() {
        MAIL.stop();
        RECEIVER.server.stop(0);
    }

    @BeforeEach
    void cleanReceivers() throws Exception {
        deliverAll();
        MAIL.purgeEmailFromAllMailboxes();
        RECEIVER.reset();
    }

    @Test
    void aHandoffReachesTheRepByEmailAndSlackWithThePacket() throws Exception {
        long id = qualifiedLead();
        String rep = lead(id).get("owner").asString();

        deliverAll();

        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo(rep);
        assertThat(mails[0].getSubject()).startsWith("New MQL for you: Dana Reyes");
        Multipart parts = (Multipart) mails[0].getContent();
        String text = part(parts, "text/plain");
        String html = part(parts, "text/html");
        assertThat(text).contains("Score ", "Dana Reyes", "https://baton.northwind.example/api/v1/leads/" + id);
        assertThat(html).contains("<h2>New MQL for you: Dana Reyes", "Score ");

        assertThat(RECEIVER.slack).hasSize(1);
        JsonNode slack = JSON.readTree(RECEIVER.slack.get(0).body());
        assertThat(slack.get("text").asString()).startsWith("New MQL for you: Dana Reyes");
        assertThat(slack.at("/blocks/0/text/text").asString()).isEqualTo("New MQL for you");
        assertThat(slack.at("/blocks/1/text/text").asString()).contains("*Why now:*", "*Score:*", "*Priority:*");
        assertThat(slack.at("/blocks/3/elements/0/url").asString())
                .isEqualTo("https://baton.northwind.example/api/v1/leads/" + id + "/handoff");
        assertThat(RECEIVER.webhook)
                .as("the policy sends handoffs to Slack and email only")
                .isEmpty();
        assertThat(get("/api/v1/notifications?state=delivered").json()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aReminderGoesToTheRepAndABreachToTheRepAndTheManager() throws Exception {
        long id = qualifiedLead(); // Friday 20 November, 10:00 in New York: accept within 4 business hours
        String rep = lead(id).get("owner").asString();
        deliverAll();
        MAIL.purgeEmailFromAllMailboxes();
        RECEIVER.reset();

        clock.set(java.time.Instant.parse("2026-11-20T20:00:00Z")); // 15:00, an hour after the 14:00 deadline
        timers.drain(100);
        deliverAll();

        var subjects = new java.util.ArrayList<String>();
        for (MimeMessage mail : MAIL.getReceivedMessages()) {
            subjects.add(mail.getAllRecipients()[0] + " " + mail.getSubject().replaceAll(":.*", ""));
        }
        assertThat(subjects)
                .contains(rep + " Reminder", rep + " Missed", "jordan.lee@northwind.example Missed")
                .doesNotContain("jordan.lee@northwind.example Reminder");
        assertThat(RECEIVER.slack)
                .extracting(r -> JSON.readTree(r.body()).get("text").asString())
                .anyMatch(text -> text.startsWith("Missed: the accept deadline passed"));
        String breach = RECEIVER.slack.stream()
                .map(Request::body)
                .filter(body -> body.contains("Missed"))
                .findFirst()
                .orElseThrow();
        assertThat(JSON.readTree(breach).at("/blocks/1/text/text").asString())
                .contains("*Deadline:* accept by 2026-11-20 14:00 America/New_York (breached)");
    }

    @Test
    void bothTeamsGetASummaryOfANewVersionWithItsChanges() throws Exception {
        String source = java.nio.file.Files.readString(
                        java.nio.file.Path.of("examples/agreements/saas-north-america-europe.yaml"))
                .replace("threshold: 60", "threshold: 55");
        int activated = activate(source, "a lower threshold");

        deliverAll();

        MimeMessage[] toSales = MAIL.getReceivedMessagesForDomain("northwind.example");
        assertThat(toSales)
                .extracting(mail -> mail.getAllRecipients()[0].toString())
                .contains("maria.lopez@northwind.example", "sam.okafor@northwind.example", "revops@northwind.example");
        MimeMessage summary = toSales[0];
        assertThat(summary.getSubject())
                .isEqualTo(
                        "Agreement version " + activated + " is active: Northwind SaaS — marketing & sales agreement");
        String text = part((Multipart) summary.getContent(), "text/plain");
        assertThat(text)
                .contains("MQL rule:", "threshold 55", "Service levels:", "accept-within 4 business hours")
                .contains("Reason codes:", "Shared targets and their owners:", "owner marketing")
                .contains("Changes from the version before:", "threshold 60 → 55");
        assertThat(RECEIVER.slack).anyMatch(request -> request.body().contains("is active"));
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheNoticeOnceWithOneIdAndAValidSignature() throws Exception {
        RECEIVER.failFirst("msg_retried", 3);
        outbox.add(List.of(webhookNotice("msg_retried")), clock.instant());

        for (int attempt = 0; attempt < 4; attempt++) {
            deliveries.deliverDue(10);
            clock.advance(Duration.ofMinutes(10));
        }

        assertThat(RECEIVER.webhook).hasSize(4).allSatisfy(request -> {
            assertThat(request.id()).isEqualTo("msg_retried");
            assertThat(request.validSignature()).isTrue();
        });
        assertThat(RECEIVER.accepted).containsExactly("msg_retried");
        JsonNode shown = notice("msg_retried");
        assertThat(shown.get("state").asString()).isEqualTo("delivered");
        assertThat(shown.get("attempts").asInt()).isEqualTo(4);
        JsonNode body = JSON.readTree(RECEIVER.webhook.get(3).body());
        assertThat(body.get("type").asString()).isEqualTo("breach");
        assertThat(body.at("/data/subject").asString()).isEqualTo("Missed: the accept deadline passed");
    }

    @Test
    void aReceiverThatAlwaysFailsEndsInTheDeadLetterAndARetryFromThereDeliversIt() throws Exception {
        RECEIVER.failFirst("msg_dead", 4);
        outbox.add(List.of(webhookNotice("msg_dead")), clock.instant());
        for (int attempt = 0; attempt < 6; attempt++) {
            deliveries.deliverDue(10);
            clock.advance(Duration.ofHours(2));
        }

        JsonNode dead = notice("msg_dead");
        assertThat(dead.get("state").asString()).isEqualTo("dead");
        assertThat(dead.get("attempts").asInt()).isEqualTo(4);
        assertThat(dead.get("lastError").asString()).startsWith("HTTP 500");
        assertThat(get("/api/v1/notifications?state=dead").json())
                .anyMatch(n -> n.get("key").asString().equals("msg_dead"));
        assertThat(RECEIVER.webhook).hasSize(4);
        long noticeId = dead.get("id").asLong();
        assertThat(postJson("/api/v1/notifications/" + noticeId + "/retry", "{}")
                        .status())
                .isEqualTo(200);
        assertThat(postJson("/api/v1/notifications/" + noticeId + "/retry", "{}")
                        .status())
                .as("only dead notices are retried")
                .isEqualTo(409);

        deliveries.deliverDue(10);

        assertThat(notice("msg_dead").get("state").asString()).isEqualTo("delivered");
        assertThat(RECEIVER.accepted).containsExactly("msg_dead");
        assertThat(RECEIVER.webhook).extracting(Request::id).containsOnly("msg_dead");
        JsonNode retry = get("/api/openapi").json().at("/paths/~1api~1v1~1notifications~1{id}~1retry/post/responses");
        assertThat(retry.has("200") && retry.has("404") && retry.has("409"))
                .as(retry.toString())
                .isTrue();
        assertThat(get("/api/v1/notifications?state=sleeping").status()).isEqualTo(400);
        assertThat(get("/api/v1/notifications/999999").status()).isEqualTo(404);
    }

    private JsonNode notice(String key) {
        for (JsonNode notice : get("/api/v1/notifications?limit=1000").json()) {
            if (notice.get("key").asString().equals(key)) {
                return notice;
            }
        }
        throw new AssertionError("no notice " + key);
    }

    private static Notice webhookNotice(String key) {
        return new Notice(
                key,
                NoticeKind.BREACH,
                ChannelKind.WEBHOOK,
                "revops@northwind.example",
                Optional.empty(),
                "Missed: the accept deadline passed",
                "Missed: the accept deadline passed",
                Map.of("type", "breach", "headline", "Missed: the accept deadline passed"));
    }

    private void deliverAll() {
        while (deliveries.deliverDue(100).total() > 0) {
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private static String part(Multipart parts, String type) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                String found = part(nested, type);
                if (!found.isEmpty()) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                return String.valueOf(part.getContent());
            }
        }
        return "";
    }

    /** One request a receiver got. */
    record Request(String id, String timestamp, String signature, String body) {
        /** The Standard Webhooks check, written here from the specification rather than taken from Baton. */
        boolean validSignature() {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
                String expected = "v1,"
                        + Base64.getEncoder()
                                .encodeToString(mac.doFinal(
                                        (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                return List.of(signature.split(" ")).contains(expected);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A local HTTP server playing Slack's incoming webhook and a webhook receiver that may fail on purpose. */
    static final class Receiver {
        final HttpServer server;
        final List<Request> slack = new CopyOnWriteArrayList<>();
        final List<Request> webhook = new CopyOnWriteArrayList<>();
        final List<String> accepted = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

        Receiver() {
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/slack", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                slack.add(new Request("", "", "", body));
                answer(exchange, 200, "ok");
            });
            server.createContext("/webhook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                var request = new Request(
                        exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        body);
                webhook.add(request);
                AtomicInteger left = failures.get(request.id());
                if (left != null && left.getAndDecrement() > 0) {
                    answer(exchange, 500, "receiver down");
                } else if (!request.validSignature()) {
                    answer(exchange, 401, "bad signature");
                } else {
                    if (!accepted.contains(request.id())) {
                        accepted.add(request.id());
                    }
                    answer(exchange, 204, "");
                }
            });
            server.start();
        }

        String url(String path) {
            return "http://localhost:" + server.getAddress().getPort() + path;
        }

        void failFirst(String id, int times) {
            failures.put(id, new AtomicInteger(times));
        }

        void reset() {
            slack.clear();
            webhook.clear();
            accepted.clear();
            failures.clear();
        }

        private static void answer(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        }
    }
}
