package dev.baton.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.adapter.holidays.JollydayHolidays;
import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.core.agreement.AgreementVersion;
import dev.baton.core.agreement.Approval;
import dev.baton.core.engine.AgreementService;
import dev.baton.testing.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConcurrentActivationTest extends IntegrationTest {

    @Autowired
    AgreementService agreements;

    @Test
    void concurrentActivationsLeaveExactlyOneActiveVersion() throws Exception {
        String source = Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml"));
        var agreement = new AgreementYamlReader(new JollydayHolidays())
                .read(source, "example")
                .orThrow();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int number = agreements
                    .propose(agreement, source, "maria", Optional.empty())
                    .number();
            agreements.approve(number, Approval.Side.MARKETING, "maria@acme.example", Optional.empty());
            agreements.approve(number, Approval.Side.SALES, "sam@acme.example", Optional.empty());
            numbers.add(number);
        }
        ExecutorService pool = Executors.newFixedThreadPool(numbers.size());
        var start = new CountDownLatch(1);
        try {
            List<CompletableFuture<AgreementVersion>> activations = numbers.stream()
                    .map(n -> CompletableFuture.supplyAsync(
                            () -> {
                                await(start);
                                return agreements.activate(n, "revops");
                            },
                            pool))
                    .toList();
            start.countDown();
            CompletableFuture.allOf(activations.toArray(CompletableFuture[]::new))
                    .get();
        } finally {
            pool.shutdown();
        }

        assertThat(agreements.versions().stream()
                        .filter(v -> v.status() == AgreementVersion.Status.ACTIVE)
                        .count())
                .isEqualTo(1);
        assertThat(numbers).contains(agreements.active().orElseThrow().number());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
