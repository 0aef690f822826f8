package dev.baton.adapter.security;

import dev.baton.core.access.Actor;
import dev.baton.core.access.Role;
import dev.baton.core.access.User;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in on the web pages, by password or single sign-on, as the session keeps them: who they are and
 * whether they must change their password before anything else. For single sign-on it carries the identity
 * provider's token too, as Spring's OpenID Connect support expects of its principal.
 */
public final class SignedInUser implements OidcUser, Serializable {

    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String email;
    private final String name;
    private final List<String> roles;
    private final boolean mustChangePassword;
    private final @Nullable OidcIdToken idToken;

    private SignedInUser(User user, @Nullable OidcIdToken idToken) {
        this.userId = user.id();
        this.email = user.email();
        this.name = user.name();
        this.roles = user.roles().stream().sorted().map(Role::name).toList();
        this.mustChangePassword = user.mustChangePassword();
        this.idToken = idToken;
    }

    public static SignedInUser byPassword(User user) {
        return new SignedInUser(user, null);
    }

    public static SignedInUser bySingleSignOn(User user, OidcIdToken idToken) {
        return new SignedInUser(user, idToken);
    }

    /** The same person with their current standing, after an admin changed it or they changed their password. */
    public SignedInUser refreshed(User user) {
        return new SignedInUser(user, idToken);
    }

    public long userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return name;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Actor actor() {
        return Actor.web(email, roles.stream().map(Role::valueOf).collect(java.util.stream.Collectors.toSet()))
                .via(dev.baton.core.access.Source.WEB, idToken == null ? "web" : "single sign-on");
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    @Override
    public String getName() {
        return email;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken == null ? Map.of("email", email) : idToken.getClaims();
    }

    @Override
    public @Nullable OidcUserInfo getUserInfo() {
        return null;
    }

    @Override
    public @Nullable OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return getClaims();
    }
}
