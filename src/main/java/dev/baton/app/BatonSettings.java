package dev.baton.app;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Baton's settings, bound from {@code baton.*} properties or the environment ({@code BATON_DATA_DIR},
 * {@code BATON_DATABASE_URL}, {@code BATON_DATABASE_USER}, {@code BATON_DATABASE_PASSWORD}, {@code BATON_API_TOKEN},
 * {@code BATON_API_INGEST_SECRET}, {@code BATON_ADMIN_EMAIL}, {@code BATON_ADMIN_PASSWORD}).
 */
@ConfigurationProperties("baton")
public record BatonSettings(
        @DefaultValue Data data,
        @DefaultValue Database database,
        @DefaultValue Api api,
        @DefaultValue Rescore rescoring,
        @DefaultValue Simulate simulation,
        @DefaultValue Ingest ingest,
        @DefaultValue Sla sla,
        @DefaultValue Notifications notifications,
        @DefaultValue Escalations escalations,
        @DefaultValue Admin admin,
        @DefaultValue SignIn signIn,
        @DefaultValue Sso sso,
        @DefaultValue Privacy privacy) {

    /**
     * The first admin, made on the first start when there is no user yet ({@code BATON_ADMIN_EMAIL},
     * {@code BATON_ADMIN_PASSWORD}); without a password a one-time one is printed once, to be changed at the first
     * sign-in.
     */
    public record Admin(@Nullable String email, @Nullable String password) {}

    /**
     * Signing in on the web pages: how many failures in a row lock an account and for how long, how many attempts a
     * minute one address may make, and how long passwords must be.
     */
    public record SignIn(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") java.time.Duration lockout,
            @DefaultValue("10") int attemptsPerMinute,
            @DefaultValue("12") int minPasswordLength) {}

    /**
     * Single sign-on with OpenID Connect, on when a {@code spring.security.oauth2.client.registration.*} is set: which
     * claim holds the email, which the groups, and which roles each group gives ({@code baton.sso.roles.<group>=
     * rep,sales_manager}).
     */
    public record Sso(
            @DefaultValue("email") String emailClaim,
            @DefaultValue("groups") String rolesClaim,
            @DefaultValue java.util.Map<String, String> roles) {}

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

    /**
     * Simulations of drafts on history: whether this instance works them, on how many threads, in chunks of how many
     * leads, and how often it looks for one.
     */
    public record Simulate(
            @DefaultValue("true") boolean worker,
            @DefaultValue("2") int threads,
            @DefaultValue("2000") int chunkSize,
            @DefaultValue("2s") java.time.Duration interval) {}

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
     * The bootstrap admin token ({@code BATON_API_TOKEN}: sent as {@code Authorization: Bearer …}, generated per run
     * when blank), the largest request body the API takes, the secret event intake may be signed with instead of a
     * token ({@code BATON_API_INGEST_SECRET}), and each token's default rate limit.
     */
    public record Api(
            @Nullable String token,
            @DefaultValue("10485760") long maxBodyBytes,
            @Nullable String ingestSecret,
            @DefaultValue("6000") int requestsPerMinute) {}

    /**
     * How long the engagement events of leads that never qualified, and of anonymous visitors, are kept (forever when
     * not set, e.g. {@code 365d}); whether this instance deletes them, and how often it looks.
     */
    public record Privacy(
            java.time.@Nullable Duration unqualifiedEventRetention,
            @DefaultValue("true") boolean worker,
            @DefaultValue("1d") java.time.Duration interval) {}
}
