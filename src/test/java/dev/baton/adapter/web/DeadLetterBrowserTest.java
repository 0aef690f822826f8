package dev.baton.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import dev.baton.core.agreement.ChannelKind;
import dev.baton.core.agreement.NoticeKind;
import dev.baton.core.engine.Deliveries;
import dev.baton.core.engine.Outbox;
import dev.baton.core.notification.Notice;
import dev.baton.testing.BrowserTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A notice that really died — its webhook answered 500 at every attempt — in the admin page's dead letter, with the
 * receiver's error; retried from there once the receiver is back, it is delivered and leaves the dead letter.
 */
@TestPropertySource(properties = "baton.sign-in.attempts-per-minute=100000")
class DeadLetterBrowserTest extends BrowserTest {

    private static final HttpServer RECEIVER = receiver();
    private static final AtomicBoolean BACK = new AtomicBoolean();
    private static final AtomicInteger DELIVERED = new AtomicInteger();

    @Autowired
    Outbox outbox;

    @Autowired
    Deliveries deliveries;

    /** A webhook receiver that fails with 500 until it is back, then takes each notice. */
    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/webhook", exchange -> {
                exchange.getRequestBody().readAllBytes();
                if (BACK.get()) {
                    DELIVERED.incrementAndGet();
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    byte[] body = "the receiver is down".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(500, body.length);
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add(
                "baton.notifications.webhook.url",
                () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/webhook");
        registry.add("baton.notifications.webhook.secret", () -> "whsec_" + "a".repeat(32));
        registry.add("baton.notifications.max-attempts", () -> "3");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @Test
    void aDeadNoticeIsRetriedFromTheAdminPageAndDelivered() {
        String key = "msg_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String subject = "Missed: the accept deadline passed (" + key + ")";
        outbox.add(
                List.of(new Notice(
                        key,
                        NoticeKind.BREACH,
                        ChannelKind.WEBHOOK,
                        "revops@northwind.example",
                        Optional.empty(),
                        subject,
                        subject,
                        Map.of("type", "breach", "headline", "Missed: the accept deadline passed"))),
                clock.instant());
        for (int attempt = 0; attempt < 5; attempt++) {
            deliveries.deliverDue(10);
            clock.advance(Duration.ofHours(2));
        }
        long id = -1;
        for (var notice : get("/api/v1/notifications?state=dead").json()) {
            if (notice.get("key").asString().equals(key)) {
                id = notice.get("id").asLong();
            }
        }
        assertThat(id).as("the notice died").isPositive();

        Page revops = signedIn("rita@northwind.example", "revops");
        revops.navigate("/admin");
        Locator row = revops.locator("tr", new Page.LocatorOptions().setHasText(subject));
        PlaywrightAssertions.assertThat(row).containsText("HTTP 500");
        assertThat(axe(revops)).isEmpty();

        BACK.set(true);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry notice " + id))
                .click();
        PlaywrightAssertions.assertThat(revops.getByRole(AriaRole.STATUS))
                .containsText("Notice " + id + " will be delivered again");
        deliveries.deliverDue(10);

        assertThat(DELIVERED.get()).isEqualTo(1);
        revops.reload();
        PlaywrightAssertions.assertThat(revops.locator("tr", new Page.LocatorOptions().setHasText(subject)))
                .hasCount(0);
        assertThat(get("/api/v1/audit?action=notice.retried")
                        .json()
                        .at("/entries/0/actor")
                        .asString())
                .isEqualTo("rita@northwind.example");
    }
}
