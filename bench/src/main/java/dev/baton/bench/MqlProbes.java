package dev.baton.bench;

import dev.baton.testing.BatonProcess;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Fresh ideal leads of the first example agreement, each one signal short of an MQL: a VP Marketing at a 200-person
 * US SaaS company (fit 50) who has viewed the pricing page. A probe sends the demo request that qualifies one and
 * reads the lead until the API shows it as an MQL; its latency runs from sending the event to that answer.
 */
final class MqlProbes {

    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final BatonProcess baton;
    private final Deque<Long> ready = new ArrayDeque<>();
    private int made;

    MqlProbes(BatonProcess baton) {
        this.baton = baton;
    }

    /** Creates {@code count} more ideal leads through the API and gives each a pricing-page view. */
    void prepare(int count, String tag) throws Exception {
        var views = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            String domain = "probe-" + tag + "-" + made++ + ".example";
            long id = baton.postJson("/api/v1/leads", idealLead("dana@" + domain, domain))
                    .get("id")
                    .asLong();
            ready.add(id);
            views.add(event("view-" + domain, id, "page_view", "{\"url\":\"/pricing\"}"));
        }
        for (int from = 0; from < views.size(); from += 1000) {
            List<String> batch = views.subList(from, Math.min(views.size(), from + 1000));
            LoadClients.check(
                    baton.send(LoadClients.postEvents(baton, "{\"events\":[" + String.join(",", batch) + "]}")));
        }
    }

    /** Probes {@code count} leads, one every {@code interval}. */
    Latencies run(Duration interval, int count) throws Exception {
        int end = ready.size() - count;
        return run(interval, () -> ready.size() <= end);
    }

    /** Probes one lead after another, one every {@code interval}, until {@code stop} says so or no lead is left. */
    Latencies run(Duration interval, BooleanSupplier stop) throws Exception {
        var latencies = new Latencies();
        Pacing.atFixedRate(interval, () -> {
            if (stop.getAsBoolean() || ready.isEmpty()) {
                return false;
            }
            latencies.record(probe(ready.poll()));
            return true;
        });
        return latencies;
    }

    private long probe(long lead) throws Exception {
        String demo = event("demo-" + lead, lead, "form_submitted", "{\"form\":\"demo\"}");
        long start = System.nanoTime();
        LoadClients.check(baton.send(LoadClients.postEvents(baton, "{\"events\":[" + demo + "]}")));
        HttpRequest.Builder read = baton.request("/api/v1/leads/" + lead).GET();
        while (!baton.send(read).body().contains("\"stage\":\"mql\"")) {
            if (System.nanoTime() - start > GIVE_UP.toNanos()) {
                throw new IllegalStateException("lead " + lead + " did not become an MQL within " + GIVE_UP);
            }
        }
        return System.nanoTime() - start;
    }

    private static String event(String id, long lead, String type, String properties) {
        return "{\"eventId\":\"" + id + "\",\"leadId\":" + lead + ",\"type\":\"" + type + "\",\"occurredAt\":\""
                + Instant.now().minusSeconds(1) + "\",\"properties\":" + properties + "}";
    }

    private static String idealLead(String email, String domain) {
        return """
                {"email":"%s","firstName":"Dana","lastName":"Reyes","title":"VP Marketing","source":"webinar",
                 "company":{"name":"Acme","domain":"%s","employees":200,"annualRevenue":20000000,
                            "industry":"SaaS","country":"US"}}
                """.formatted(email, domain);
    }
}
