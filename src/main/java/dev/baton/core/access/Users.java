package dev.baton.core.access;

import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.Transactions;
import dev.baton.core.lead.Email;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Users: adding, changing and disabling them (by an admin, audited), signing in with the lockout, changing one's own
 * password, the first admin on first start, and the users single sign-on brings.
 */
public final class Users {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserStore store;
    private final PasswordHasher hasher;
    private final SignInPolicy policy;
    private final Audit audit;
    private final Transactions transactions;
    private final Clock clock;

    public Users(
            UserStore store,
            PasswordHasher hasher,
            SignInPolicy policy,
            Audit audit,
            Transactions transactions,
            Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The outcome of a sign-in. */
    public sealed interface SignIn {
        /** Signed in. */
        record SignedIn(User user) implements SignIn {}

        /** Refused, with what the person is told: the same words whether the email or the password was wrong. */
        record Refused(String reason) implements SignIn {}
    }

    /** Adds a user; an initial password must be changed at the first sign-in. */
    public User add(Actor actor, String email, String name, Set<Role> roles, Optional<String> password) {
        return add(actor, email, name, roles, password, password.isPresent());
    }

    /**
     * Adds a user whose initial password need not be changed when {@code mustChange} is false: one known to all, such
     * as the demo's, which a forced change would only take from the others.
     */
    public User add(
            Actor actor, String email, String name, Set<Role> roles, Optional<String> password, boolean mustChange) {
        String address = email(email);
        if (roles.isEmpty()) {
            throw new BatonException.Invalid("roles", "a user holds at least one role: " + Role.words());
        }
        password.flatMap(p -> policy.refusePassword(p, address)).ifPresent(why -> {
            throw new BatonException.Invalid("password", why);
        });
        return audit.record(
                actor,
                "user.added",
                "user/" + address,
                Map::of,
                () -> {
                    if (store.find(address).isPresent()) {
                        throw new BatonException.Conflict("there is already a user " + address);
                    }
                    return store.add(
                            new UserStore.NewUser(
                                    address,
                                    name.isBlank() ? address : name.strip(),
                                    roles,
                                    password.map(hasher::hash),
                                    mustChange && password.isPresent()),
                            clock.instant());
                },
                Users::state);
    }

    public List<User> all() {
        return store.all();
    }

    public User user(long id) {
        return store.find(id).orElseThrow(() -> new BatonException.NotFound("there is no user " + id));
    }

    public Optional<User> find(String email) {
        return Email.parse(email).flatMap(e -> store.find(e.address()));
    }

    /** Changes a user's name, roles or whether they may sign in; the last enabled admin stays one. */
    public User change(
            Actor actor, long id, Optional<String> name, Optional<Set<Role>> roles, Optional<Boolean> disabled) {
        if (roles.filter(Set::isEmpty).isPresent()) {
            throw new BatonException.Invalid("roles", "a user holds at least one role: " + Role.words());
        }
        User before = user(id);
        return audit.record(
                actor,
                disabled.orElse(false) && !before.disabled() ? "user.disabled" : "user.changed",
                "user/" + before.email(),
                () -> state(before),
                () -> {
                    User user = store.lock(before.email()).orElseThrow();
                    boolean staysAdmin = roles.map(r -> r.contains(Role.ADMIN))
                                    .orElse(user.roles().contains(Role.ADMIN))
                            && !disabled.orElse(user.disabled());
                    if (user.roles().contains(Role.ADMIN) && !user.disabled() && !staysAdmin && lastAdmin(user)) {
                        throw new BatonException.Conflict(
                                user.email() + " is the last admin who can sign in; make another user an admin first");
                    }
                    name.filter(n -> !n.isBlank()).ifPresent(n -> store.setName(id, n.strip()));
                    roles.ifPresent(r -> store.setRoles(id, r));
                    disabled.ifPresent(d -> store.setDisabled(id, d));
                    return store.find(id).orElseThrow();
                },
                Users::state);
    }

    private boolean lastAdmin(User user) {
        return store.all().stream()
                .noneMatch(
                        u -> u.id() != user.id() && !u.disabled() && u.roles().contains(Role.ADMIN));
    }

    /** Checks a password, counting failures toward the lockout. */
    public SignIn signIn(String email, String password) {
        // every user's email is stored as Email normalises it, so text that is no email address (a NUL in it, which
        // PostgreSQL cannot even compare) is nobody's, and is not looked up
        Optional<String> address = Email.parse(email).map(Email::address);
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<User> found = address.flatMap(store::lock);
            if (found.isEmpty()) {
                hasher.matches(password, DUMMY_HASH.get());
                return new SignIn.Refused(WRONG);
            }
            User user = found.get();
            if (user.lockedAt(now)) {
                return new SignIn.Refused("too many failed sign-ins: this account is locked until "
                        + user.lockedUntil().orElseThrow() + "; try again then, or ask an admin");
            }
            Optional<String> hash = store.passwordHash(user.id());
            if (hash.isEmpty() || !hasher.matches(password, hash.get())) {
                SignInPolicy.Failure failure = policy.afterFailure(user.failedSignIns(), now);
                store.recordFailure(user.id(), failure.failures(), failure.lockedUntil());
                return new SignIn.Refused(
                        failure.lockedUntil().isPresent()
                                ? "too many failed sign-ins: this account is locked until "
                                        + failure.lockedUntil().orElseThrow()
                                : WRONG);
            }
            if (user.disabled()) {
                return new SignIn.Refused("this account is disabled; ask an admin");
            }
            store.recordSignIn(user.id(), now);
            return new SignIn.SignedIn(store.find(user.id()).orElseThrow());
        });
    }

    private static final String WRONG = "the email or the password is wrong";

    /** A hash checked when the email is unknown, so that a wrong email takes as long as a wrong password. */
    private final java.util.function.Supplier<String> DUMMY_HASH = new java.util.function.Supplier<>() {
        private volatile String hash;

        @Override
        public String get() {
            if (hash == null) {
                hash = hasher.hash("not a password of anyone's");
            }
            return hash;
        }
    };

    /** Changes one's own password, given the current one. */
    public void changePassword(Actor actor, String current, String next) {
        User user = store.find(actor.name()).orElseThrow(() -> new BatonException.NotFound("no user " + actor.name()));
        Optional<String> hash = store.passwordHash(user.id());
        if (hash.isEmpty() || !hasher.matches(current, hash.get())) {
            throw new BatonException.Invalid("current", "the current password is wrong");
        }
        if (current.equals(next)) {
            throw new BatonException.Invalid("password", "the new password is the same as the current one");
        }
        policy.refusePassword(next, user.email()).ifPresent(why -> {
            throw new BatonException.Invalid("password", why);
        });
        audit.record(
                actor,
                "user.password_changed",
                "user/" + user.email(),
                Map::of,
                () -> {
                    store.setPassword(user.id(), hasher.hash(next), false);
                    return user;
                },
                u -> Map.of());
    }

    /** The first admin, once, when there is no user yet. */
    public sealed interface FirstAdmin {
        /** Users exist already. */
        record Existing() implements FirstAdmin {}

        /** Made from the environment's email and password. */
        record FromEnvironment(User user) implements FirstAdmin {}

        /** Made with a one-time password, to be shown once and changed at the first sign-in. */
        record WithOneTimePassword(User user, String password) implements FirstAdmin {}
    }

    public FirstAdmin ensureFirstAdmin(Optional<String> email, Optional<String> password) {
        return transactions.inTransaction(() -> {
            if (store.any()) {
                return new FirstAdmin.Existing();
            }
            String address = email.filter(e -> !e.isBlank()).map(Users::email).orElse("admin@baton.invalid");
            Actor baton = Actor.system("first start");
            if (password.filter(p -> !p.isBlank()).isPresent()) {
                String given = password.orElseThrow();
                policy.refusePassword(given, address).ifPresent(why -> {
                    throw new IllegalStateException("BATON_ADMIN_PASSWORD: " + why);
                });
                User user = store.add(
                        new UserStore.NewUser(
                                address, "Admin", Set.of(Role.ADMIN), Optional.of(hasher.hash(given)), false),
                        clock.instant());
                audit.note(baton, "user.added", "user/" + address, state(user));
                return new FirstAdmin.FromEnvironment(user);
            }
            byte[] random = new byte[15];
            RANDOM.nextBytes(random);
            String oneTime = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            User user = store.add(
                    new UserStore.NewUser(
                            address, "Admin", Set.of(Role.ADMIN), Optional.of(hasher.hash(oneTime)), true),
                    clock.instant());
            audit.note(baton, "user.added", "user/" + address, state(user));
            return new FirstAdmin.WithOneTimePassword(user, oneTime);
        });
    }

    /**
     * The user single sign-on signed in: added on their first sign-in, their roles kept equal to what the identity
     * provider's claims map to.
     */
    public User provision(String email, String name, Set<Role> roles) {
        String address = email(email);
        Actor sso = new Actor(address, roles, EnumSet.allOf(Scope.class), Source.WEB, "single sign-on");
        return transactions.inTransaction(() -> {
            Optional<User> found = store.lock(address);
            if (found.isEmpty()) {
                User user = store.add(
                        new UserStore.NewUser(address, name.isBlank() ? address : name, roles, Optional.empty(), false),
                        clock.instant());
                audit.note(sso, "user.added", "user/" + address, state(user));
                store.recordSignIn(user.id(), clock.instant());
                return store.find(user.id()).orElseThrow();
            }
            User user = found.get();
            if (user.disabled()) {
                throw new BatonException.Forbidden("this account is disabled; ask an admin");
            }
            if (!user.roles().equals(roles)) {
                audit.record(
                        sso,
                        "user.changed",
                        "user/" + address,
                        () -> state(user),
                        () -> {
                            store.setRoles(user.id(), roles);
                            return store.find(user.id()).orElseThrow();
                        },
                        Users::state);
            }
            store.recordSignIn(user.id(), clock.instant());
            return store.find(user.id()).orElseThrow();
        });
    }

    private static String email(String email) {
        return Email.parse(email)
                .map(Email::address)
                .orElseThrow(() -> new BatonException.Invalid("email", "'" + email + "' is not an email address"));
    }

    static Map<String, String> state(User user) {
        var state = new LinkedHashMap<String, String>();
        state.put("email", user.email());
        state.put("name", user.name());
        state.put("roles", user.roles().stream().sorted().map(Role::word).collect(Collectors.joining(",")));
        state.put("disabled", Boolean.toString(user.disabled()));
        return state;
    }
}
