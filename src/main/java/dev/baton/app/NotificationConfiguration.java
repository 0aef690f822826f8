package dev.baton.app;

import dev.baton.adapter.notification.EmailDelivery;
import dev.baton.adapter.notification.SlackDelivery;
import dev.baton.adapter.notification.WebhookDelivery;
import dev.baton.adapter.persistence.JdbcOutbox;
import dev.baton.adapter.persistence.JdbcReviewStore;
import dev.baton.adapter.scheduler.DeliveryWorker;
import dev.baton.adapter.scheduler.EscalationWorker;
import dev.baton.core.engine.ActiveAgreement;
import dev.baton.core.engine.Deliveries;
import dev.baton.core.engine.Escalations;
import dev.baton.core.engine.FunnelMetrics;
import dev.baton.core.engine.Handoffs;
import dev.baton.core.engine.NoticeWriter;
import dev.baton.core.engine.Outbox;
import dev.baton.core.engine.Telemetry;
import dev.baton.core.engine.Transactions;
import dev.baton.core.metrics.ReviewStore;
import dev.baton.core.notification.Delivery;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

/** The outbox, the channels that are configured, and the worker that delivers notices. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    Outbox outbox(JdbcClient jdbc, JsonMapper json) {
        return new JdbcOutbox(jdbc, json);
    }

    @Bean
    Deliveries deliveries(
            Outbox outbox,
            BatonSettings settings,
            ObjectProvider<JavaMailSender> mail,
            JsonMapper json,
            Clock clock,
            Telemetry telemetry) {
        BatonSettings.Notifications notifications = settings.notifications();
        var channels = new ArrayList<Delivery>();
        Optional.ofNullable(notifications.webhook().url())
                .filter(url -> !url.isBlank())
                .ifPresent(url -> {
                    String secret = Optional.ofNullable(notifications.webhook().secret())
                            .filter(s -> !s.isBlank())
                            .orElseThrow(() -> new IllegalStateException(
                                    "baton.notifications.webhook.secret (BATON_NOTIFICATIONS_WEBHOOK_SECRET) must be set with"
                                            + " the webhook URL: receivers verify every notice with it"));
                    channels.add(new WebhookDelivery(URI.create(url), secret, json, clock));
                });
        Optional.ofNullable(notifications.slack().webhookUrl())
                .filter(url -> !url.isBlank())
                .ifPresent(url -> channels.add(new SlackDelivery(URI.create(url), json)));
        mail.ifAvailable(sender ->
                channels.add(new EmailDelivery(sender, notifications.email().from())));
        var random = new SecureRandom();
        return new Deliveries(
                outbox,
                channels,
                new Deliveries.Retries(
                        notifications.maxAttempts(), notifications.backoff(), notifications.maxBackoff()),
                clock,
                random::nextDouble,
                telemetry);
    }

    @Bean
    NoticeWriter noticeWriter(
            Outbox outbox,
            Handoffs handoffs,
            ActiveAgreement active,
            Deliveries deliveries,
            BatonSettings settings,
            Clock clock) {
        return new NoticeWriter(
                outbox,
                handoffs,
                active,
                deliveries::configured,
                settings.notifications().baseUrl(),
                clock);
    }

    @Bean
    ReviewStore reviewStore(JdbcClient jdbc, JsonMapper json) {
        return new JdbcReviewStore(jdbc, json);
    }

    @Bean
    Escalations escalations(
            FunnelMetrics metrics,
            ReviewStore reviews,
            ActiveAgreement active,
            Outbox outbox,
            Deliveries deliveries,
            BatonSettings settings,
            Transactions transactions,
            Clock clock) {
        return new Escalations(
                metrics,
                reviews,
                active,
                outbox,
                deliveries::configured,
                settings.notifications().baseUrl(),
                transactions,
                clock);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "baton.escalations.worker", matchIfMissing = true)
    EscalationWorker escalationWorker(Escalations escalations, BatonSettings settings) {
        return new EscalationWorker(escalations, settings.escalations().interval());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "baton.notifications.worker", matchIfMissing = true)
    DeliveryWorker deliveryWorker(Deliveries deliveries, BatonSettings settings) {
        return new DeliveryWorker(
                deliveries,
                settings.notifications().interval(),
                settings.notifications().batch());
    }
}
