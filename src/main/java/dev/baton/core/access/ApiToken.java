package dev.baton.core.access;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An API token as Baton keeps it: never the secret, only its hash; its name, the user it acts as, its scopes, an
 * optional expiry and rate limit, and when it was made, last used and revoked. {@code prefix} is the token's public
 * start, shown in lists so that a person can tell their tokens apart.
 */
public record ApiToken(
        long id,
        String name,
        String owner,
        Set<Scope> scopes,
        String prefix,
        Instant createdAt,
        String createdBy,
        Optional<Instant> expiresAt,
        Optional<Instant> revokedAt,
        Optional<Instant> lastUsedAt,
        OptionalInt requestsPerMinute) {

    public ApiToken {
        scopes = scopes.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(scopes));
    }

    /** Why the token may not be used now; empty when it may. */
    public Optional<String> unusable(Instant now) {
        if (revokedAt.isPresent()) {
            return Optional.of("this API token was revoked");
        }
        if (expiresAt.filter(at -> !now.isBefore(at)).isPresent()) {
            return Optional.of("this API token expired at " + expiresAt.orElseThrow());
        }
        return Optional.empty();
    }
}
