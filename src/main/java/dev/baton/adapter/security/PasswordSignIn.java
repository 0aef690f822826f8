package dev.baton.adapter.security;

import dev.baton.core.access.Users;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in with email and password on the sign-in page: throttled per client address (so that guessing many accounts
 * from one place is slow too), then checked by {@link Users#signIn}, which counts failures toward the account's
 * lockout.
 */
public final class PasswordSignIn implements AuthenticationProvider {

    private final Users users;
    private final RateLimits throttle;
    private final int attemptsPerMinute;

    public PasswordSignIn(Users users, RateLimits throttle, int attemptsPerMinute) {
        this.users = users;
        this.throttle = throttle;
        this.attemptsPerMinute = attemptsPerMinute;
    }

    /** Too many sign-in attempts from one address. */
    public static final class Throttled extends AuthenticationException {
        private final Duration wait;

        Throttled(Duration wait) {
            super("too many sign-in attempts from your address; wait " + ProblemResponses.retryAfter(wait)
                    + " seconds and try again");
            this.wait = wait;
        }

        public Duration waitFor() {
            return wait;
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "unknown";
        Optional<Duration> wait = throttle.take("sign-in:" + address, attemptsPerMinute);
        if (wait.isPresent()) {
            throw new Throttled(wait.get());
        }
        String email = authentication.getName() == null ? "" : authentication.getName();
        Object password = authentication.getCredentials();
        Users.SignIn result = users.signIn(email, password == null ? "" : password.toString());
        if (result instanceof Users.SignIn.SignedIn signedIn) {
            SignedInUser user = SignedInUser.byPassword(signedIn.user());
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }
        throw new BadCredentialsException(((Users.SignIn.Refused) result).reason());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
