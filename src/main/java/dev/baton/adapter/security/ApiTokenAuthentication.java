package dev.baton.adapter.security;

import dev.baton.core.access.Actor;
import dev.baton.core.access.ApiTokens;
import dev.baton.core.access.Role;
import dev.baton.core.access.Scope;
import dev.baton.core.access.Source;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** An API token as a client presented it, not yet checked; and the provider that checks it. */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    /** The actor the bootstrap token acts as: every role but those that sign agreements, which take people. */
    public static final Actor BOOTSTRAP = new Actor(
            "bootstrap-admin",
            EnumSet.of(Role.ADMIN, Role.REVOPS),
            EnumSet.allOf(Scope.class),
            Source.API,
            "BATON_API_TOKEN");

    private final String presented;

    private ApiTokenAuthentication(String presented) {
        super(List.of());
        this.presented = presented;
    }

    /** A token as a client sent it, not yet checked. */
    static ApiTokenAuthentication presented(String token) {
        return new ApiTokenAuthentication(token);
    }

    @Override
    public @Nullable Object getCredentials() {
        return presented;
    }

    @Override
    public Object getPrincipal() {
        return "api-token";
    }

    /**
     * Checks a presented token: the bootstrap token ({@code BATON_API_TOKEN}) in constant time, else a stored token by
     * its hash. Neither secret is kept in the authenticated result.
     */
    public static final class Provider implements AuthenticationProvider {
        private final byte @Nullable [] bootstrap;
        private final ApiTokens tokens;

        public Provider(@Nullable String bootstrap, ApiTokens tokens) {
            this.bootstrap =
                    bootstrap == null || bootstrap.isBlank() ? null : bootstrap.getBytes(StandardCharsets.UTF_8);
            this.tokens = tokens;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String presented = (String) authentication.getCredentials();
            if (presented == null || presented.isEmpty()) {
                throw new BadCredentialsException("the API token is not valid");
            }
            if (bootstrap != null && MessageDigest.isEqual(bootstrap, presented.getBytes(StandardCharsets.UTF_8))) {
                return new ActorAuthentication(BOOTSTRAP, "bootstrap", OptionalInt.empty());
            }
            ApiTokens.Check check = tokens.check(presented);
            if (check instanceof ApiTokens.Check.Accepted accepted) {
                return new ActorAuthentication(
                        accepted.actor(),
                        "token:" + accepted.token().prefix(),
                        accepted.token().requestsPerMinute());
            }
            throw new BadCredentialsException(((ApiTokens.Check.Refused) check).reason());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return ApiTokenAuthentication.class.isAssignableFrom(authentication);
        }
    }
}
