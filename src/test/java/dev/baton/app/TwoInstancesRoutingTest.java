package dev.baton.app;

import static dev.baton.testing.Instances.activate;
import static dev.baton.testing.Instances.count;
import static dev.baton.testing.Instances.port;
import static dev.baton.testing.Instances.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Baton instances on one database route 1,000 MQLs at once without breaking the rotation or a capacity: the
 * reps' capacities (400, 200, 200) are below their weighted shares (500, 250, 250), so the last 200 MQLs overflow
 * into the fallback queue.
 */
class TwoInstancesRoutingTest {

    private static final String TOKEN = "two-instances";
    private static final String AGREEMENT = """
            agreement: One pool
            calendar: {timezone: UTC, hours: {monday: 09:00-17:00}}
            fit: [{name: anyone, field: lead.email, present: true, points: 1}]
            intent: [{name: visit, event: page_view, points: 1}]
            mql: {threshold: 1}
            reason-codes: [{code: NOT_ICP, label: Not ICP, consequence: disqualify}]
            teams:
              - name: pool
                manager: boss@pool.example
                reps:
                  - {email: a@pool.example, weight: 2, capacity: 400}
                  - {email: b@pool.example, weight: 1, capacity: 200}
                  - {email: c@pool.example, weight: 1, capacity: 200}
            routing:
              rules: [{name: everyone, when: [{field: lead.email, present: true}], team: pool}]
              fallback: {queue: triage, owner: ops@pool.example}
            """;

    private static ConfigurableApplicationContext start(String url, Path dataDir) {
        return new SpringApplicationBuilder(BatonServer.class)
                .properties(
                        "server.port=0",
                        "baton.database.url=" + url,
                        "baton.database.user=postgres",
                        "baton.database.password=",
                        "baton.data.dir=" + dataDir,
                        "baton.api.token=" + TOKEN)
                .run();
    }

    @Test
    void twoInstancesAssignEveryMqlOnceWithinCapacityAndInWeightedTurns(@TempDir Path dataDir) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext first = start(postgres.getJdbcUrl("postgres", "postgres"), dataDir);
                ConfigurableApplicationContext second = start(postgres.getJdbcUrl("postgres", "postgres"), dataDir)) {
            int[] ports = {port(first), port(second)};
            activate(ports[0], TOKEN, AGREEMENT);

            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                var sends = new ArrayList<Future<Integer>>();
                for (int i = 0; i < 1000; i++) {
                    int n = i;
                    sends.add(pool.submit(() -> post(
                                    ports[n % 2],
                                    TOKEN,
                                    "/api/v1/events",
                                    "application/json",
                                    "{\"events\":[{\"eventId\":\"visit-" + n + "\",\"email\":\"lead" + n
                                            + "@customer.example\",\"type\":\"page_view\",\"occurredAt\":\""
                                            + Instant.now().minusSeconds(5) + "\"}]}")
                            .statusCode()));
                }
                for (Future<Integer> sent : sends) {
                    assertThat(sent.get()).isEqualTo(200);
                }
            } finally {
                pool.shutdown();
            }

            try (Connection db = postgres.getPostgresDatabase().getConnection()) {
                assertThat(count(db, "select count(*) from lead where stage = 'MQL'"))
                        .isEqualTo(1000);
                assertThat(count(db, "select count(*) from lead_history where type in ('LeadRouted', 'LeadQueued')"))
                        .as("every MQL routed once")
                        .isEqualTo(1000);
                assertThat(count(
                                db,
                                "select count(distinct lead_id) from lead_history where type in"
                                        + " ('LeadRouted', 'LeadQueued')"))
                        .isEqualTo(1000);
                Map<String, Long> perRep = perOwner(db);
                assertThat(perRep.get("a@pool.example")).as("a at capacity").isEqualTo(400);
                assertThat(perRep.get("b@pool.example")).as("b at capacity").isEqualTo(200);
                assertThat(perRep.get("c@pool.example")).as("c at capacity").isEqualTo(200);
                assertThat(count(db, "select count(*) from lead where owner is null and queue = 'triage'"))
                        .as("the overflow waits in the fallback queue")
                        .isEqualTo(200);
                assertThat(count(db, """
                                select count(*) from lead_history
                                 where type = 'LeadQueued' and data->>'why' like '%nobody in team pool can take it%'
                                """)).isEqualTo(200);
            }
        }
    }

    private static Map<String, Long> perOwner(Connection db) throws Exception {
        var counts = new HashMap<String, Long>();
        try (ResultSet rows = db.createStatement().executeQuery("select owner, count(*) from lead group by owner")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}
