package dev.baton.adapter.web;

import dev.baton.adapter.security.CurrentActor;
import dev.baton.core.access.Actor;
import dev.baton.core.access.Users;
import dev.baton.core.engine.BatonException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in and changing one's password. */
@Controller
class AccountController {

    private final Users users;
    private final ObjectProvider<ClientRegistrationRepository> singleSignOn;

    AccountController(Users users, ObjectProvider<ClientRegistrationRepository> singleSignOn) {
        this.users = users;
        this.singleSignOn = singleSignOn;
    }

    /** A way to sign in through an identity provider. */
    record Provider(String name, String url) {}

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        String error = null;
        if (request.getParameter("error") != null && session != null) {
            Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            error = failure instanceof AuthenticationException e ? e.getMessage() : "signing in failed";
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        model.addAttribute("error", error);
        model.addAttribute("signedOut", request.getParameter("signedOut") != null);
        model.addAttribute("disabled", request.getParameter("disabled") != null);
        model.addAttribute("providers", providers());
        return "login";
    }

    private List<Provider> providers() {
        ClientRegistrationRepository registrations = singleSignOn.getIfAvailable();
        if (!(registrations instanceof Iterable<?> all)) {
            return List.of();
        }
        var providers = new java.util.ArrayList<Provider>();
        for (Object each : all) {
            ClientRegistration registration = (ClientRegistration) each;
            providers.add(new Provider(
                    registration.getClientName(), "/oauth2/authorization/" + registration.getRegistrationId()));
        }
        return providers;
    }

    @GetMapping("/account/password")
    String password(Model model) {
        model.addAttribute("email", CurrentActor.current().name());
        return "password";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat,
            Model model) {
        Actor actor = CurrentActor.current();
        model.addAttribute("email", actor.name());
        if (!password.equals(repeat)) {
            model.addAttribute("error", "the two new passwords differ");
            return "password";
        }
        try {
            users.changePassword(actor, current, password);
        } catch (BatonException e) {
            model.addAttribute("error", e.getMessage());
            return "password";
        }
        return "redirect:/?passwordChanged";
    }
}
