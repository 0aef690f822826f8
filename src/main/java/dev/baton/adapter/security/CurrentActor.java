package dev.baton.adapter.security;

import dev.baton.core.access.Actor;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The actor of the request being served: whoever its credential authenticated — never a name the request itself
 * carries. Controllers take it as an {@link Actor} parameter.
 */
public final class CurrentActor implements HandlerMethodArgumentResolver {

    /** The actor an authentication stands for, if it stands for one. */
    public static Optional<Actor> of(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication instanceof ActorAuthentication authenticated) {
            return Optional.of(authenticated.actor());
        }
        if (authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user.actor());
        }
        return Optional.empty();
    }

    /** The actor of the current request; a request that reaches a controller always has one. */
    public static Actor current() {
        return of(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new IllegalStateException("no actor: the access check lets no one in without one"));
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            @Nullable WebDataBinderFactory binderFactory) {
        Actor actor = current();
        String client = webRequest.getHeader("X-Baton-Client");
        // the command line says so; it acts with a token all the same, and the token's name is kept as the via
        return "cli".equals(client)
                        && (actor.source() == dev.baton.core.access.Source.TOKEN
                                || actor.source() == dev.baton.core.access.Source.API)
                ? actor.via(dev.baton.core.access.Source.CLI, actor.via())
                : actor;
    }
}
