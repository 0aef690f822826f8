package dev.baton.adapter.api;

import dev.baton.core.access.Actor;
import dev.baton.core.access.Role;
import dev.baton.core.access.User;
import dev.baton.core.access.Users;
import dev.baton.core.engine.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users and their roles, for admins; and who the caller is, for everyone. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Users", description = "People who sign in, their roles, and who the caller is")
class UserController {

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    /** A user as the API shows them: never a password hash. */
    record UserView(
            long id,
            String email,
            String name,
            List<String> roles,
            boolean disabled,
            boolean mustChangePassword,
            @Nullable Instant lockedUntil,
            Instant createdAt,
            @Nullable Instant lastSignIn) {
        static UserView of(User user) {
            return new UserView(
                    user.id(),
                    user.email(),
                    user.name(),
                    user.roles().stream().sorted().map(Role::word).toList(),
                    user.disabled(),
                    user.mustChangePassword(),
                    user.lockedUntil().orElse(null),
                    user.createdAt(),
                    user.lastSignIn().orElse(null));
        }
    }

    /** The caller as Baton sees them. */
    record MeView(String name, List<String> roles, List<String> scopes, String source, String via) {}

    @GetMapping("/me")
    @Operation(summary = "Who the caller is: their name, roles, and the scopes and source of their credential")
    MeView me(Actor actor) {
        return new MeView(
                actor.name(),
                actor.roles().stream().sorted().map(Role::word).toList(),
                actor.scopes().stream().sorted().map(s -> s.word()).toList(),
                actor.source().word(),
                actor.via());
    }

    @GetMapping("/users")
    @Operation(summary = "Every user, by email")
    List<UserView> list() {
        return users.all().stream().map(UserView::of).toList();
    }

    @GetMapping("/users/{id}")
    @Operation(summary = "One user")
    UserView user(@PathVariable long id) {
        return UserView.of(users.user(id));
    }

    record NewUser(
            @Nullable String email,
            @Nullable String name,
            @Nullable List<String> roles,
            @Nullable String password) {}

    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Add a user with roles; an initial password must be changed at the first sign-in (409 when the"
                    + " email has a user already)",
            responses = @ApiResponse(responseCode = "201", description = "The user was added"))
    ResponseEntity<UserView> add(Actor actor, @RequestBody NewUser body) {
        if (body.email() == null || body.email().isBlank()) {
            throw new BadRequest("email", "email is required: the address the user signs in with");
        }
        Set<Role> roles = roles(body.roles())
                .orElseThrow(() -> new BadRequest("roles", "roles is required: one or more of " + Role.words()));
        User user = users.add(
                actor,
                body.email(),
                body.name() == null ? "" : body.name(),
                roles,
                Optional.ofNullable(body.password()).filter(p -> !p.isEmpty()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserView.of(user));
    }

    record UserChange(
            @Nullable String name,
            @Nullable List<String> roles,
            @Nullable Boolean disabled) {}

    @PatchMapping(path = "/users/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a user's name, roles, or whether they may sign in (409 for the last admin who can)")
    UserView change(Actor actor, @PathVariable long id, @RequestBody UserChange body) {
        return UserView.of(users.change(
                actor,
                id,
                Optional.ofNullable(body.name()),
                roles(body.roles()),
                Optional.ofNullable(body.disabled())));
    }

    static Optional<Set<Role>> roles(@Nullable List<String> words) {
        if (words == null) {
            return Optional.empty();
        }
        var roles = EnumSet.noneOf(Role.class);
        for (String word : words) {
            roles.add(Role.of(word == null ? "" : word)
                    .orElseThrow(() -> new BatonException.Invalid(
                            "roles", "'" + word + "' is not a role; the roles are " + Role.words())));
        }
        return Optional.of(roles);
    }
}
