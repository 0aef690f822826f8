package dev.baton.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where users are kept, with their password hashes. */
public interface UserStore {

    /** A user as added; the hash is empty for one who signs in only through single sign-on. */
    record NewUser(String email, String name, Set<Role> roles, Optional<String> passwordHash, boolean mustChange) {}

    User add(NewUser user, Instant at);

    Optional<User> find(String email);

    Optional<User> find(long id);

    /** The user, locked until the transaction ends. */
    Optional<User> lock(String email);

    List<User> all();

    boolean any();

    Optional<String> passwordHash(long id);

    void setRoles(long id, Set<Role> roles);

    void setName(long id, String name);

    void setDisabled(long id, boolean disabled);

    void setPassword(long id, String hash, boolean mustChange);

    /** Counts a failed sign-in, locking the account until the given time when the lockout starts. */
    void recordFailure(long id, int failures, Optional<Instant> lockedUntil);

    void recordSignIn(long id, Instant at);
}
