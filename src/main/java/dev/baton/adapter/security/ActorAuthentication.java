package dev.baton.adapter.security;

import dev.baton.core.access.Actor;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API request authenticated as an actor: by the bootstrap token, a stored token, or a body signed with the intake
 * secret. {@code credential} names the credential for its rate limit, {@code requestsPerMinute} is its own limit.
 */
public final class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;
    private final String credential;
    private final OptionalInt requestsPerMinute;

    public ActorAuthentication(Actor actor, String credential, OptionalInt requestsPerMinute) {
        super(actor.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList());
        this.actor = actor;
        this.credential = credential;
        this.requestsPerMinute = requestsPerMinute;
        setAuthenticated(true);
    }

    public Actor actor() {
        return actor;
    }

    public String credential() {
        return credential;
    }

    public OptionalInt requestsPerMinute() {
        return requestsPerMinute;
    }

    @Override
    public @Nullable Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.name();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActorAuthentication that
                && that.actor.equals(actor)
                && that.credential.equals(credential);
    }

    @Override
    public int hashCode() {
        return actor.hashCode();
    }
}
