package dev.baton.bench;

import dev.baton.testing.BatonProcess;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Follows the rescoring job of one agreement version through {@code GET /api/v1/rescoring}, at most once a second. */
final class RescoringWatch {

    private static final Duration POLL = Duration.ofSeconds(1);

    private final BatonProcess baton;
    private final int version;
    private final long deadline;
    private Optional<JsonNode> job = Optional.empty();
    private long polledAt = System.nanoTime() - POLL.toNanos();

    RescoringWatch(BatonProcess baton, int version, Duration limit) {
        this.baton = baton;
        this.version = version;
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    /** Whether the job has ended or the time limit has passed. */
    boolean over() {
        return ended() || System.nanoTime() > deadline;
    }

    /** Whether the job has ended, done or otherwise. */
    private boolean ended() {
        if (System.nanoTime() - polledAt >= POLL.toNanos()) {
            polledAt = System.nanoTime();
            try {
                for (JsonNode candidate : baton.getJson("/api/v1/rescoring")) {
                    if (candidate.get("agreementVersion").asInt() == version) {
                        job = Optional.of(candidate);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not read the rescoring jobs", e);
            }
        }
        return job.map(j -> !j.get("status").asString().equals("running")).orElse(false);
    }

    /** Waits, polling, until the job has ended or the time limit has passed. */
    void await() throws Exception {
        Pacing.atFixedRate(POLL, () -> !over());
    }

    String status() {
        return job.map(j -> j.get("status").asString()).orElse("not started");
    }

    long total() {
        return job.map(j -> j.get("total").asLong()).orElse(0L);
    }

    long done() {
        return job.map(j -> j.get("done").asLong()).orElse(0L);
    }

    /** From the job's start to its end, as the server recorded them. */
    Optional<Duration> took() {
        return job.filter(j -> j.hasNonNull("finishedAt"))
                .map(j -> Duration.between(
                        Instant.parse(j.get("startedAt").asString()),
                        Instant.parse(j.get("finishedAt").asString())));
    }
}
