package dev.baton.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Where API tokens are kept, by the hash of their secret. */
public interface TokenStore {

    /** A token to keep. */
    record NewToken(
            String name,
            long ownerId,
            Set<Scope> scopes,
            String prefix,
            String hash,
            Optional<Instant> expiresAt,
            OptionalInt requestsPerMinute,
            String createdBy) {}

    /** A stored token with its hash and its owner as they are now. */
    record Stored(ApiToken token, String hash, User owner) {}

    ApiToken add(NewToken token, Instant at);

    Optional<Stored> byPrefix(String prefix);

    Optional<ApiToken> find(long id);

    List<ApiToken> all();

    boolean revoke(long id, Instant at);

    void touch(long id, Instant at);
}
