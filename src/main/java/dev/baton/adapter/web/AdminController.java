package dev.baton.adapter.web;

import dev.baton.adapter.security.CurrentActor;
import dev.baton.core.access.AccessPolicy;
import dev.baton.core.access.Actor;
import dev.baton.core.access.ApiTokens;
import dev.baton.core.access.Audit;
import dev.baton.core.access.Permission;
import dev.baton.core.access.Role;
import dev.baton.core.access.Scope;
import dev.baton.core.access.Users;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.Outbox;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page: users and their roles, API tokens (the secret shown once, on the page that made it), and the
 * notification dead letter with a retry. Each part only for those the access policy lets do it.
 */
@Controller
class AdminController {

    private final Users users;
    private final ApiTokens tokens;
    private final Outbox outbox;
    private final Audit audit;
    private final AccessPolicy policy;
    private final Clock clock;

    AdminController(Users users, ApiTokens tokens, Outbox outbox, Audit audit, AccessPolicy policy, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.outbox = outbox;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    @GetMapping("/admin")
    String admin(Model model, HttpServletResponse response) {
        Actor actor = CurrentActor.current();
        model.addAttribute("email", actor.name());
        boolean manage = policy.check(actor, Permission.MANAGE_USERS).allowed();
        boolean notices = policy.check(actor, Permission.RETRY_NOTICES).allowed();
        if (!manage && !notices) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "forbidden";
        }
        model.addAttribute("manage", manage);
        model.addAttribute("notices", notices);
        if (manage) {
            model.addAttribute("users", users.all());
            model.addAttribute("tokens", tokens.all());
            model.addAttribute("roles", List.of(Role.values()));
            model.addAttribute("scopes", List.of(Scope.values()));
        }
        if (notices) {
            model.addAttribute("dead", outbox.list(Optional.of(Outbox.State.DEAD), 100));
        }
        return "admin";
    }

    @PostMapping("/admin/users")
    String addUser(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") List<String> roles,
            @RequestParam(defaultValue = "") String password,
            RedirectAttributes redirect) {
        return done(redirect, () -> {
            require(Permission.MANAGE_USERS);
            Set<Role> held = EnumSet.noneOf(Role.class);
            roles.forEach(word -> Role.of(word).ifPresent(held::add));
            users.add(
                    CurrentActor.current(),
                    email,
                    name,
                    held,
                    Optional.of(password).filter(p -> !p.isEmpty()));
            return "Added " + email.strip();
        });
    }

    @PostMapping("/admin/users/{id}/disabled")
    String disable(
            @PathVariable long id, @RequestParam(defaultValue = "true") boolean disabled, RedirectAttributes redirect) {
        return done(redirect, () -> {
            require(Permission.MANAGE_USERS);
            var user =
                    users.change(CurrentActor.current(), id, Optional.empty(), Optional.empty(), Optional.of(disabled));
            return (disabled ? "Disabled " : "Enabled ") + user.email();
        });
    }

    @PostMapping("/admin/tokens")
    String makeToken(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String owner,
            @RequestParam(defaultValue = "") List<String> scopes,
            RedirectAttributes redirect) {
        return done(redirect, () -> {
            require(Permission.MANAGE_TOKENS);
            Set<Scope> granted = EnumSet.noneOf(Scope.class);
            scopes.forEach(word -> Scope.of(word).ifPresent(granted::add));
            ApiTokens.Created created =
                    tokens.create(CurrentActor.current(), name, owner, granted, Optional.empty(), OptionalInt.empty());
            // shown this once: the flash attribute lives for the one page after the redirect
            redirect.addFlashAttribute("secret", created.secret());
            return "Made the token '" + created.token().name() + "'; copy it now, it is not shown again";
        });
    }

    @PostMapping("/admin/tokens/{id}/revocation")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, () -> {
            require(Permission.MANAGE_TOKENS);
            return "Revoked '" + tokens.revoke(CurrentActor.current(), id).name() + "'";
        });
    }

    @PostMapping("/admin/notices/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, () -> {
            Actor actor = require(Permission.RETRY_NOTICES);
            boolean retried = audit.record(
                    actor,
                    "notice.retried",
                    "notice/" + id,
                    () -> Map.of("state", "dead"),
                    () -> outbox.retry(id, clock.instant()),
                    ok -> Map.of("state", ok ? "pending" : "dead"));
            if (!retried) {
                throw new BatonException.Conflict("notice " + id + " is not dead; only dead notices are retried");
            }
            return "Notice " + id + " will be delivered again";
        });
    }

    /** The signed-in actor, when the policy lets them do this; refused with the policy's reason otherwise. */
    private Actor require(Permission permission) {
        Actor actor = CurrentActor.current();
        if (policy.check(actor, permission) instanceof dev.baton.core.access.Decision.Denied denied) {
            throw new BatonException.Forbidden(denied.reason());
        }
        return actor;
    }

    private static String done(RedirectAttributes redirect, java.util.function.Supplier<String> change) {
        try {
            redirect.addFlashAttribute("message", change.get());
        } catch (BatonException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin";
    }
}
