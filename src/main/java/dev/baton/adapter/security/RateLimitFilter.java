package dev.baton.adapter.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each credential's rate limit: its own requests per minute when it has one, else the default. Over it, a request is
 * answered 429 with {@code Retry-After} in whole seconds, and goes no further.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final int defaultPerMinute;

    public RateLimitFilter(RateLimits limits, int defaultPerMinute) {
        this.limits = limits;
        this.defaultPerMinute = defaultPerMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication authenticated) {
            int limit = authenticated.requestsPerMinute().orElse(defaultPerMinute);
            Optional<Duration> wait = limits.take(authenticated.credential(), limit);
            if (wait.isPresent()) {
                ProblemResponses.tooManyRequests(
                        request,
                        response,
                        wait.get(),
                        "this credential may send " + limit + " requests a minute; wait and send again");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
