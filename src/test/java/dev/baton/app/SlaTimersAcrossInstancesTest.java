package dev.baton.app;

import static dev.baton.testing.Instances.activate;
import static dev.baton.testing.Instances.count;
import static dev.baton.testing.Instances.port;
import static dev.baton.testing.Instances.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.engine.DueClocks;
import dev.baton.testing.SettableClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The SLA timers are rows in the database, so they survive a restart and are shared by several Baton instances: a
 * deadline that passed while Baton was down is recorded once, at its own time, when Baton starts again; and when the
 * clocks of 1,000 leads fall due together, two instances working the timers at once record each breach exactly once.
 * Both instances read one settable clock.
 */
class SlaTimersAcrossInstancesTest {

    private static final String TOKEN = "sla-timers";
    private static final Instant START = Instant.parse("2026-10-16T12:00:00Z");
    private static final String AGREEMENT = """
            agreement: One pool with an accept clock
            calendar:
              timezone: UTC
              hours: {monday: 00:00-24:00, tuesday: 00:00-24:00, wednesday: 00:00-24:00, thursday: 00:00-24:00,
                      friday: 00:00-24:00, saturday: 00:00-24:00, sunday: 00:00-24:00}
            fit: [{name: anyone, field: lead.email, present: true, points: 1}]
            intent: [{name: visit, event: page_view, points: 1}]
            mql: {threshold: 1}
            reason-codes: [{code: NOT_ICP, label: Not ICP, consequence: disqualify}]
            teams:
              - name: pool
                manager: boss@pool.example
                reps: [{email: a@pool.example}, {email: b@pool.example}, {email: c@pool.example}]
            routing:
              rules: [{name: everyone, when: [{field: lead.email, present: true}], team: pool}]
              fallback: {queue: triage, owner: ops@pool.example}
            sla:
              accept-within: 1 business hour
            """;

    private final SettableClock clock = new SettableClock(START);

    @Test
    void aDeadlineThatPassedWhileBatonWasDownIsRecordedOnceAtItsOwnTimeWhenBatonStarts(@TempDir Path dataDir)
            throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext before = start(url, dataDir, false)) {
                activate(port(before), TOKEN, AGREEMENT);
                assertThat(visit(port(before), 0)).isEqualTo(200);
            }
            clock.set(START.plus(Duration.ofHours(5)));

            try (ConfigurableApplicationContext after = start(url, dataDir, false);
                    Connection db = postgres.getPostgresDatabase().getConnection()) {
                DueClocks timers = after.getBean(DueClocks.class);
                assertThat(timers.drain(100))
                        .as("what fell due while Baton was down")
                        .isEqualTo(1);
                assertThat(count(
                                db,
                                "select count(*) from lead_history where type = 'ClockBreached'"
                                        + " and at = '2026-10-16T13:00:00Z'"))
                        .as("recorded at the deadline, not when Baton noticed it")
                        .isEqualTo(1);
                assertThat(timers.drain(100)).isZero();
                assertThat(count(db, "select count(*) from lead_history where type = 'ClockBreached'"))
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void twoInstancesRecordEachOfAThousandBreachesThatFallDueTogetherExactlyOnce(@TempDir Path dataDir)
            throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext first =
                        start(postgres.getJdbcUrl("postgres", "postgres"), dataDir, false);
                ConfigurableApplicationContext second =
                        start(postgres.getJdbcUrl("postgres", "postgres"), dataDir, false)) {
            int[] ports = {port(first), port(second)};
            activate(ports[0], TOKEN, AGREEMENT);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                var sends = new ArrayList<Future<Integer>>();
                for (int i = 0; i < 1000; i++) {
                    int n = i;
                    sends.add(pool.submit(() -> visit(ports[n % 2], n)));
                }
                for (Future<Integer> sent : sends) {
                    assertThat(sent.get()).isEqualTo(200);
                }
                clock.set(START.plus(Duration.ofHours(2)));

                List<DueClocks> timers = List.of(
                        first.getBean(DueClocks.class),
                        first.getBean(DueClocks.class),
                        second.getBean(DueClocks.class),
                        second.getBean(DueClocks.class));
                var rounds = new ArrayList<Future<Integer>>();
                for (DueClocks timer : timers) {
                    rounds.add(pool.submit(() -> timer.drain(50)));
                }
                int fired = 0;
                for (Future<Integer> round : rounds) {
                    fired += round.get();
                }
                assertThat(fired)
                        .as("breaches found by the four timers together")
                        .isEqualTo(1000);
            } finally {
                pool.shutdown();
            }

            try (Connection db = postgres.getPostgresDatabase().getConnection()) {
                assertThat(count(db, "select count(*) from lead where stage = 'MQL'"))
                        .isEqualTo(1000);
                assertThat(count(db, "select count(*) from lead_history where type = 'ClockBreached'"))
                        .as("each breach recorded once")
                        .isEqualTo(1000);
                assertThat(count(db, "select count(distinct lead_id) from lead_history where type = 'ClockBreached'"))
                        .isEqualTo(1000);
                assertThat(count(
                                db,
                                "select count(*) from lead_history where type = 'ClockBreached'"
                                        + " and at = '2026-10-16T13:00:00Z'"))
                        .isEqualTo(1000);
                assertThat(count(db, "select count(*) from sla_clock where kind = 'ACCEPT' and state = 'BREACHED'"))
                        .isEqualTo(1000);
            }
        }
    }

    private ConfigurableApplicationContext start(String url, Path dataDir, boolean timers) {
        return new SpringApplicationBuilder(BatonServer.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("settableClock", clock))
                .properties(
                        "server.port=0",
                        "baton.database.url=" + url,
                        "baton.database.user=postgres",
                        "baton.database.password=",
                        "baton.data.dir=" + dataDir,
                        "baton.api.token=" + TOKEN,
                        "baton.rescoring.worker=false",
                        "baton.sla.timers=" + timers)
                .run();
    }

    private int visit(int port, int n) throws Exception {
        return post(
                        port,
                        TOKEN,
                        "/api/v1/events",
                        "application/json",
                        "{\"events\":[{\"eventId\":\"visit-" + n + "\",\"email\":\"lead" + n
                                + "@customer.example\",\"type\":\"page_view\",\"occurredAt\":\""
                                + clock.instant().minusSeconds(5) + "\"}]}")
                .statusCode();
    }
}
