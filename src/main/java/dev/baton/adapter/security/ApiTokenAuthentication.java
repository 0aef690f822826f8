package dev.baton.adapter.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The API token as a credential: presented by a client, and checked against the one token of this Baton. */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    /** The authority every holder of the API token has; users and roles come later. */
    public static final String API = "ROLE_API";

    private final @Nullable String presented;

    private ApiTokenAuthentication(@Nullable String presented, boolean authenticated) {
        super(authenticated ? List.of(new SimpleGrantedAuthority(API)) : List.of());
        this.presented = presented;
        setAuthenticated(authenticated);
    }

    /** A token as a client sent it, not yet checked. */
    static ApiTokenAuthentication presented(String token) {
        return new ApiTokenAuthentication(token, false);
    }

    @Override
    public @Nullable Object getCredentials() {
        return presented;
    }

    @Override
    public Object getPrincipal() {
        return "api-token";
    }

    /** Checks a presented token in constant time; the token itself is never kept in the authenticated result. */
    public static final class Provider implements AuthenticationProvider {
        private final byte[] token;

        public Provider(String token) {
            if (token.isBlank()) {
                throw new IllegalArgumentException("the API token cannot be blank");
            }
            this.token = token.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String presented = (String) authentication.getCredentials();
            if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
                throw new BadCredentialsException("the API token is not valid");
            }
            return new ApiTokenAuthentication(null, true);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return ApiTokenAuthentication.class.isAssignableFrom(authentication);
        }
    }
}
