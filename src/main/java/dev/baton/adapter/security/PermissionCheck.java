package dev.baton.adapter.security;

import dev.baton.core.access.AccessPolicy;
import dev.baton.core.access.Actor;
import dev.baton.core.access.Decision;
import dev.baton.core.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The API's authorization: the permission the endpoint table gives the request, asked of the access policy for the
 * request's actor. A refusal's reason is kept on the request, and {@link #denied} answers 403 with it (404 for a
 * path no rule names: there is nothing there).
 */
public final class PermissionCheck implements AuthorizationManager<RequestAuthorizationContext> {

    private static final String REASON = PermissionCheck.class.getName() + ".reason";
    private static final String NO_ENDPOINT = "there is no such endpoint";

    private final EndpointPermissions endpoints;
    private final AccessPolicy policy;

    public PermissionCheck(EndpointPermissions endpoints, AccessPolicy policy) {
        this.endpoints = endpoints;
        this.policy = policy;
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        Optional<Actor> actor = CurrentActor.of(authentication.get());
        if (actor.isEmpty()) {
            return new AuthorizationDecision(false);
        }
        Optional<Permission> permission = endpoints.of(request);
        if (permission.isEmpty()) {
            request.setAttribute(REASON, NO_ENDPOINT);
            return new AuthorizationDecision(false);
        }
        Decision decision = policy.check(actor.get(), permission.get());
        if (decision instanceof Decision.Denied denied) {
            request.setAttribute(REASON, denied.reason());
        }
        return new AuthorizationDecision(decision.allowed());
    }

    /** 403 with the policy's reason. */
    public static AccessDeniedHandler denied() {
        return (HttpServletRequest request,
                HttpServletResponse response,
                org.springframework.security.access.AccessDeniedException e) -> {
            Object reason = request.getAttribute(REASON);
            if (NO_ENDPOINT.equals(reason)) {
                ProblemResponses.write(request, response, 404, "not-found", "Not found", NO_ENDPOINT);
                return;
            }
            ProblemResponses.forbidden(
                    request, response, reason == null ? "this credential may not do this" : reason.toString());
        };
    }
}
