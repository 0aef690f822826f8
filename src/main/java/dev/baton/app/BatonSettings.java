package dev.baton.app;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Baton's settings, bound from {@code baton.*} properties or the environment ({@code BATON_DATA_DIR},
 * {@code BATON_DATABASE_URL}, {@code BATON_DATABASE_USER}, {@code BATON_DATABASE_PASSWORD}, {@code BATON_API_TOKEN}).
 */
@ConfigurationProperties("baton")
public record BatonSettings(
        @DefaultValue Data data,
        @DefaultValue Database database,
        @DefaultValue Api api,
        @DefaultValue Rescore rescoring,
        @DefaultValue Ingest ingest,
        @DefaultValue Sla sla,
        @DefaultValue Notifications notifications,
        @DefaultValue Escalations escalations) {

    /** Whether this instance evaluates the agreement's program escalations, and how often. */
    public record Escalations(
            @DefaultValue("true") boolean worker,
            @DefaultValue("1h") java.time.Duration interval) {}

    /**
     * Where notices go and how they are retried. A channel is on when it is configured: the webhook with a URL and a
     * signing secret, Slack with an incoming-webhook URL, email with {@code spring.mail.host} (and a sender).
     * {@code baseUrl} is how people reach this Baton, for links in notices.
     */
    public record Notifications(
            @DefaultValue("http://localhost:8080") String baseUrl,
            @DefaultValue Webhook webhook,
            @DefaultValue Slack slack,
            @DefaultValue Email email,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("2s") java.time.Duration backoff,
            @DefaultValue("1h") java.time.Duration maxBackoff,
            @DefaultValue("true") boolean worker,
            @DefaultValue("1s") java.time.Duration interval,
            @DefaultValue("100") int batch) {

        /** An outgoing webhook and the secret its notices are signed with ({@code whsec_…} or plain text). */
        public record Webhook(
                @Nullable String url, @Nullable String secret) {}

        /** A Slack incoming webhook. */
        public record Slack(@Nullable String webhookUrl) {}

        /** The sender of notice emails. */
        public record Email(@DefaultValue("baton@localhost") String from) {}
    }

    /**
     * The service-level timers: whether this instance runs them, how often it looks for due clocks, and how many leads
     * it takes in one round.
     */
    public record Sla(
            @DefaultValue("true") boolean timers,
            @DefaultValue("1s") java.time.Duration interval,
            @DefaultValue("200") int batch) {}

    /**
     * Event batches arriving together are written together: by how many writers at once, in groups of at most how
     * many events.
     */
    public record Ingest(
            @DefaultValue("2") int writers,
            @DefaultValue("1000") int groupEvents) {}

    /**
     * Rescoring after an agreement change: whether this instance works the jobs, with how many threads, and in chunks
     * of how many leads.
     */
    public record Rescore(
            @DefaultValue("true") boolean worker,
            @DefaultValue("2") int workers,
            @DefaultValue("1000") int chunkSize,
            @DefaultValue("1s") java.time.Duration interval) {}

    /** Where the embedded PostgreSQL keeps its files when no database is configured. */
    public record Data(@DefaultValue("./baton-data") Path dir) {}

    /** An external PostgreSQL; when the URL is blank Baton runs its embedded one. */
    public record Database(
            @Nullable String url,
            @Nullable String user,
            @Nullable String password) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * The token API clients send as {@code Authorization: Bearer …} (generated per run when blank), and the largest
     * request body the API takes.
     */
    public record Api(
            @Nullable String token,
            @DefaultValue("10485760") long maxBodyBytes) {}
}
