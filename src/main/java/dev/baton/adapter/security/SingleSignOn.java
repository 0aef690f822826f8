package dev.baton.adapter.security;

import dev.baton.core.access.Role;
import dev.baton.core.access.Users;
import dev.baton.core.engine.BatonException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on with OpenID Connect (Google Workspace, Entra ID, Okta, Keycloak): the identity provider vouches for
 * the person, and a claim of theirs (their groups, say) gives their roles through the configured mapping. The user is
 * added on their first sign-in and their roles follow the claim at every sign-in; a person whose claim maps to no
 * role is not let in.
 */
public final class SingleSignOn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService identities = new OidcUserService();
    private final Users users;
    private final String emailClaim;
    private final String rolesClaim;
    private final Map<String, String> mapping;

    /**
     * {@code mapping} takes a claim's value (a group's name) to role words separated by commas; a word that is no role
     * stops Baton at start, naming the setting, rather than leave a group silently without one.
     */
    public SingleSignOn(Users users, String emailClaim, String rolesClaim, Map<String, String> mapping) {
        mapping.forEach((group, words) -> {
            for (String word : words.split(",")) {
                if (Role.of(word).isEmpty()) {
                    throw new IllegalArgumentException("baton.sso.roles." + group + ": '" + word.strip()
                            + "' is not a role; the roles are " + Role.words());
                }
            }
        });
        this.users = users;
        this.emailClaim = emailClaim;
        this.rolesClaim = rolesClaim;
        this.mapping = Map.copyOf(mapping);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser identity = identities.loadUser(request);
        Object email = identity.getClaims().get(emailClaim);
        if (!(email instanceof String address) || address.isBlank()) {
            throw refused("the identity provider sent no '" + emailClaim + "' claim");
        }
        Set<Role> roles = roles(identity.getClaims().get(rolesClaim));
        if (roles.isEmpty()) {
            throw refused(address + " has no Baton role: none of their '" + rolesClaim + "' is mapped to one");
        }
        String name = identity.getFullName() == null ? address : identity.getFullName();
        try {
            return SignedInUser.bySingleSignOn(users.provision(address, name, roles), identity.getIdToken());
        } catch (BatonException e) {
            throw refused(e.getMessage());
        }
    }

    /** The roles the claim's values map to. */
    public Set<Role> roles(@Nullable Object claim) {
        List<String> values;
        if (claim instanceof Collection<?> many) {
            values = many.stream().map(String::valueOf).toList();
        } else if (claim instanceof String one) {
            values = List.of(one.split("[,\\s]+"));
        } else {
            values = List.of();
        }
        var roles = EnumSet.noneOf(Role.class);
        for (String value : values) {
            String words = mapping.getOrDefault(value, mapping.get(value.toLowerCase(Locale.ROOT)));
            if (words != null) {
                for (String word : words.split(",")) {
                    Role.of(word).ifPresent(roles::add);
                }
            }
        }
        return roles;
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
    }
}
