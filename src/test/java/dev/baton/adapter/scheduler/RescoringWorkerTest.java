package dev.baton.adapter.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.baton.core.engine.RescoreJobs;
import dev.baton.core.engine.Rescoring;
import dev.baton.core.engine.Transactions;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The rescoring worker survives whatever stops a round of work, so that its periodic task is never cancelled. */
class RescoringWorkerTest {

    private final AtomicInteger claims = new AtomicInteger();

    /** Jobs whose every chunk makes the scoring recurse too deep, as a pathological pattern in an agreement would. */
    private final RescoreJobs recursing = (RescoreJobs) Proxy.newProxyInstance(
            RescoreJobs.class.getClassLoader(), new Class<?>[] {RescoreJobs.class}, (proxy, method, args) -> {
                claims.incrementAndGet();
                throw new StackOverflowError("a pattern recursed too deep");
            });

    /** Runs the work at once, as a transaction that commits. */
    private static final Transactions DIRECT = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public <T> T inOwnTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public <T> T inTransaction(Supplier<T> work, Predicate<? super T> keep) {
            return work.get();
        }

        @Override
        public <T> T inSavepoint(Supplier<T> work) {
            return work.get();
        }
    };

    @Test
    void anErrorInARoundOfWorkIsLoggedAndTheNextRoundRunsAgain() {
        var rescoring = new Rescoring(recursing, null, null, null, DIRECT, Clock.systemUTC(), null, null, null);
        var worker = new RescoringWorker(rescoring, 1, 100, Duration.ofSeconds(1));

        assertThatCode(worker::work).doesNotThrowAnyException();
        assertThatCode(worker::work).doesNotThrowAnyException();

        assertThat(claims.get()).isEqualTo(2);
    }
}
