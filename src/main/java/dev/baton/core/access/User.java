package dev.baton.core.access;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A person who signs in. Their email is also how the agreement's teams name them, so a user whose email is a rep's
 * works that rep's leads, and one whose email is a team's manager manages that team.
 */
public record User(
        long id,
        String email,
        String name,
        Set<Role> roles,
        boolean disabled,
        boolean mustChangePassword,
        int failedSignIns,
        Optional<Instant> lockedUntil,
        Instant createdAt,
        Optional<Instant> lastSignIn) {

    public User {
        // in the roles' own order, so that every list of them reads the same
        roles = roles.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(roles));
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil.filter(now::isBefore).isPresent();
    }
}
