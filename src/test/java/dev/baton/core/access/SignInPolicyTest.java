package dev.baton.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-02T14:00:00Z");
    private final SignInPolicy policy = new SignInPolicy(3, Duration.ofMinutes(15), 12);

    @Test
    void theLastAllowedFailureLocksTheAccountForTheLockout() {
        assertThat(policy.afterFailure(0, NOW).lockedUntil()).isEmpty();
        assertThat(policy.afterFailure(1, NOW).failures()).isEqualTo(2);
        SignInPolicy.Failure third = policy.afterFailure(2, NOW);

        assertThat(third.lockedUntil()).contains(NOW.plus(Duration.ofMinutes(15)));
        assertThat(third.failures()).isZero();
    }

    @Test
    void aShortPasswordOrTheEmailItselfIsRefused() {
        assertThat(policy.refusePassword("short", "a@acme.example")).contains("a password has at least 12 characters");
        assertThat(policy.refusePassword("a@acme.example", "a@acme.example")).isPresent();
        assertThat(policy.refusePassword("correct horse battery", "a@acme.example"))
                .isEmpty();
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedAndOneAtTheLimitIsNot() {
        assertThat(policy.refusePassword("x".repeat(72), "a@acme.example")).isEmpty();
        assertThat(policy.refusePassword("x".repeat(73), "a@acme.example"))
                .hasValueSatisfying(why -> assertThat(why).startsWith("a password has at most 72 bytes"));
        // 38 letters of two bytes each make 76 bytes
        assertThat(policy.refusePassword("é".repeat(38), "a@acme.example")).isPresent();
    }
}
