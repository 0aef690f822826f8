package dev.baton.core.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The lockout: after {@code maxFailures} failed sign-ins in a row an account is locked for {@code lockout}; a success
 * resets the count. Passwords must be at least {@code minPasswordLength} long.
 */
public record SignInPolicy(int maxFailures, Duration lockout, int minPasswordLength) {

    /** The longest password, in UTF-8 bytes. */
    public static final int MAX_PASSWORD_BYTES = 72;

    public SignInPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("the lockout needs at least one failure");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("the lockout must last some time");
        }
    }

    /** The count after one more failure, and until when the account is locked, if it now is. */
    public Failure afterFailure(int failuresSoFar, Instant now) {
        int failures = failuresSoFar + 1;
        return failures >= maxFailures
                ? new Failure(0, Optional.of(now.plus(lockout)))
                : new Failure(failures, Optional.empty());
    }

    /** What a failed sign-in leaves on the account. */
    public record Failure(int failures, Optional<Instant> lockedUntil) {}

    /** Why a new password is refused; empty when it is good enough. */
    public Optional<String> refusePassword(String password, String email) {
        if (password.length() < minPasswordLength) {
            return Optional.of("a password has at least " + minPasswordLength + " characters");
        }
        // bcrypt, which keeps the passwords, reads 72 bytes and refuses more
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("a password has at most " + MAX_PASSWORD_BYTES + " bytes (72 letters of the Latin"
                    + " alphabet, fewer of others)");
        }
        if (password.equalsIgnoreCase(email)) {
            return Optional.of("a password is not the email address");
        }
        return Optional.empty();
    }
}
