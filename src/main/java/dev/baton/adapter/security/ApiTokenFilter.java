package dev.baton.adapter.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} and authenticates the request with it. A request without the header goes
 * on anonymous, and the authorization rules decide; a wrong token is refused at once with 401.
 */
public final class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AuthenticationManager authentication;
    private final AuthenticationEntryPoint refusal;

    public ApiTokenFilter(AuthenticationManager authentication, AuthenticationEntryPoint refusal) {
        this.authentication = authentication;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw new org.springframework.security.authentication.BadCredentialsException(
                        "send the API token as 'Authorization: Bearer <token>'");
            }
            Authentication authenticated = authentication.authenticate(ApiTokenAuthentication.presented(
                    header.substring(BEARER.length()).strip()));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authenticated);
            SecurityContextHolder.setContext(context);
        } catch (AuthenticationException refused) {
            SecurityContextHolder.clearContext();
            refusal.commence(request, response, refused);
            return;
        }
        chain.doFilter(request, response);
    }
}
