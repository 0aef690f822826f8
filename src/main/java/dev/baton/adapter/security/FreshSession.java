package dev.baton.adapter.security;

import dev.baton.core.access.User;
import dev.baton.core.access.UserStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in session true to the user as they are now: a user an admin disabled or removed is signed out at
 * their next request, and changed roles apply at once. A user who must change their password (the first admin's
 * one-time password, one an admin set) is sent to do that before anything else.
 */
public final class FreshSession extends OncePerRequestFilter {

    /** Where a user who must change their password may still go. */
    private static final Set<String> WHILE_CHANGING = Set.of("/account/password", "/logout", "/css/baton.css");

    private final UserStore users;

    public FreshSession(UserStore users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication authentication = context.getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser signedIn)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<User> user = users.find(signedIn.userId());
        if (user.isEmpty() || user.get().disabled()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?disabled");
            return;
        }
        SignedInUser now = signedIn.refreshed(user.get());
        if (!now.getAuthorities().equals(signedIn.getAuthorities())
                || now.mustChangePassword() != signedIn.mustChangePassword()) {
            var fresh = UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities());
            SecurityContext updated = SecurityContextHolder.createEmptyContext();
            updated.setAuthentication(fresh);
            SecurityContextHolder.setContext(updated);
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, updated);
            }
        }
        if (now.mustChangePassword() && !WHILE_CHANGING.contains(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + "/account/password");
            return;
        }
        chain.doFilter(request, response);
    }
}
