package dev.baton.core.access;

import dev.baton.core.engine.BatonException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * API tokens for integrations: made by an admin for a user, with scopes, shown once and kept only as a hash;
 * revocable, with an optional expiry, and a last-used time kept to the minute. A token acts as its owner, within its
 * scopes, for as long as the owner may sign in.
 */
public final class ApiTokens {

    /** {@code baton_<prefix>_<secret>}: the prefix finds the token, the whole is checked against its hash. */
    private static final Pattern FORMAT = Pattern.compile("baton_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final TokenStore store;
    private final UserStore users;
    private final Audit audit;
    private final Clock clock;

    public ApiTokens(TokenStore store, UserStore users, Audit audit, Clock clock) {
        this.store = store;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token just made, with its secret: the only time anyone sees it. */
    public record Created(ApiToken token, String secret) {}

    public Created create(
            Actor actor,
            String name,
            String owner,
            Set<Scope> scopes,
            Optional<Instant> expiresAt,
            OptionalInt requestsPerMinute) {
        if (name.isBlank() || name.length() > 100) {
            throw new BatonException.Invalid(
                    "name", "a token has a name of 1 to 100 characters, such as 'website forms'");
        }
        if (scopes.isEmpty()) {
            throw new BatonException.Invalid("scopes", "a token has at least one scope: " + Scope.words());
        }
        Instant now = clock.instant();
        if (expiresAt.filter(at -> !at.isAfter(now)).isPresent()) {
            throw new BatonException.Invalid("expiresAt", "expiresAt must be in the future");
        }
        if (requestsPerMinute.isPresent() && requestsPerMinute.getAsInt() < 1) {
            throw new BatonException.Invalid("requestsPerMinute", "requestsPerMinute must be 1 or more");
        }
        User user = users.find(dev.baton.core.lead.Email.parse(owner)
                        .map(dev.baton.core.lead.Email::address)
                        .orElse(owner))
                .orElseThrow(() -> new BatonException.Invalid("owner", "there is no user " + owner));
        if (user.disabled()) {
            throw new BatonException.Invalid("owner", user.email() + " is disabled");
        }
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String prefix = HexFormat.of().formatHex(id);
        String token = "baton_" + prefix + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken made = audit.record(
                actor,
                "token.created",
                "token/" + prefix,
                Map::of,
                () -> store.add(
                        new TokenStore.NewToken(
                                name.strip(),
                                user.id(),
                                scopes,
                                prefix,
                                hash(token),
                                expiresAt,
                                requestsPerMinute,
                                actor.name()),
                        now),
                ApiTokens::state);
        return new Created(made, token);
    }

    public List<ApiToken> all() {
        return store.all();
    }

    public ApiToken token(long id) {
        return store.find(id).orElseThrow(() -> new BatonException.NotFound("there is no API token " + id));
    }

    public ApiToken revoke(Actor actor, long id) {
        ApiToken before = token(id);
        if (before.revokedAt().isPresent()) {
            return before;
        }
        return audit.record(
                actor,
                "token.revoked",
                "token/" + before.prefix(),
                () -> state(before),
                () -> {
                    store.revoke(id, clock.instant());
                    return token(id);
                },
                ApiTokens::state);
    }

    /** The outcome of presenting a token. */
    public sealed interface Check {
        /** A good token, acting as its owner. */
        record Accepted(Actor actor, ApiToken token) implements Check {}

        /** Refused, and why. */
        record Refused(String reason) implements Check {}
    }

    /** Checks a presented token in constant time against the stored hash. */
    public Check check(String presented) {
        var format = FORMAT.matcher(presented);
        if (!format.matches()) {
            return new Check.Refused("the API token is not valid");
        }
        Optional<TokenStore.Stored> stored = store.byPrefix(format.group(1));
        byte[] hash = hash(presented).getBytes(StandardCharsets.US_ASCII);
        if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().hash().getBytes(StandardCharsets.US_ASCII), hash)) {
            return new Check.Refused("the API token is not valid");
        }
        ApiToken token = stored.get().token();
        Instant now = clock.instant();
        Optional<String> unusable = token.unusable(now);
        if (unusable.isPresent()) {
            return new Check.Refused(unusable.get());
        }
        User owner = stored.get().owner();
        if (owner.disabled()) {
            return new Check.Refused("this API token's owner, " + owner.email() + ", is disabled");
        }
        if (token.lastUsedAt().filter(at -> at.plus(TOUCH_EVERY).isAfter(now)).isEmpty()) {
            store.touch(token.id(), now);
        }
        return new Check.Accepted(
                new Actor(owner.email(), owner.roles(), token.scopes(), Source.TOKEN, token.name()), token);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static Map<String, String> state(ApiToken token) {
        var state = new LinkedHashMap<String, String>();
        state.put("name", token.name());
        state.put("owner", token.owner());
        state.put("scopes", token.scopes().stream().sorted().map(Scope::word).collect(Collectors.joining(",")));
        token.expiresAt().ifPresent(at -> state.put("expiresAt", at.toString()));
        state.put("revoked", Boolean.toString(token.revokedAt().isPresent()));
        return state;
    }
}
