package dev.baton.core.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who is acting: a user's name (their email), the roles they hold, the scopes of the credential they act with, and
 * the source and credential ({@code via}: "web", a token's name) a change came through. A person signed in on the web
 * has every scope; a token has its own.
 */
public record Actor(String name, Set<Role> roles, Set<Scope> scopes, Source source, String via) {

    public Actor {
        if (name.isBlank()) {
            throw new IllegalArgumentException("an actor has a name");
        }
        name = name.strip().toLowerCase(Locale.ROOT);
        // in the enums' own order, so that every list of them reads the same
        roles = roles.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(roles));
        scopes = scopes.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    }

    /** Baton itself, for what it does on its own (first start, the demo, workers). */
    public static Actor system(String what) {
        return new Actor("baton", EnumSet.allOf(Role.class), EnumSet.allOf(Scope.class), Source.SYSTEM, what);
    }

    /** A person signed in on the web pages. */
    public static Actor web(String name, Set<Role> roles) {
        return new Actor(name, roles, EnumSet.allOf(Scope.class), Source.WEB, "web");
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Actor via(Source source, String via) {
        return new Actor(name, roles, scopes, source, via);
    }
}
