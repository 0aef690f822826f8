package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LeadApiTest extends LeadScenarios {

    @Test
    void newLeadIsCreatedAndAnUpdateIsMergedFieldByField() {
        String email = unique("sam") + "@northwind-" + unique("x") + ".example";
        Response created = postJson("/api/v1/leads", "{\"email\":\"" + email + "\",\"title\":\"Manager\"}");
        Response updated = postJson(
                "/api/v1/leads",
                "{\"email\":\"" + email.toUpperCase() + " \",\"title\":\"Director\",\"phone\":\"+1 555\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("id").asLong())
                .isEqualTo(created.json().get("id").asLong());
        JsonNode profile = updated.json().get("profile");
        assertThat(profile.get("lead.title").asString()).isEqualTo("Director");
        assertThat(profile.get("lead.phone").asString()).isEqualTo("+1 555");
        JsonNode timeline = get("/api/v1/leads/" + created.json().get("id").asLong() + "/timeline")
                .json();
        JsonNode change = timeline.valueStream()
                .filter(e -> e.get("type").asString().equals("LeadFieldsChanged"))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(change.at("/data/lead.title/from").asString()).isEqualTo("Manager");
        assertThat(change.at("/data/lead.title/to").asString()).isEqualTo("Director");
    }

    @Test
    void leadsOfOneDomainShareTheirCompanyButFreeMailFormsNone() {
        String domain = unique("globex") + ".example";
        long first = createLead("{\"email\":\"a@" + domain + "\",\"company\":{\"employees\":120}}");
        long second = createLead("{\"email\":\"b@" + domain + "\"}");
        long gmail = createLead("{\"email\":\"" + unique("someone") + "@gmail.com\"}");

        assertThat(lead(second).get("company").get("company.employees").asString())
                .isEqualTo("120");
        assertThat(lead(first).get("company").get("company.domain").asString()).isEqualTo(domain);
        assertThat(lead(gmail).get("company").isEmpty()).isTrue();
    }

    @Test
    void anMqlIsRoutedInTheSameTransactionThatQualifiedIt() {
        long id = qualifiedLead();

        JsonNode lead = lead(id);

        assertThat(lead.get("owner").asString())
                .isIn("alex.kim@northwind.example", "priya.shah@northwind.example", "tom.berg@northwind.example");
        assertThat(lead.get("team").asString()).isEqualTo("na-mid-market");
        List<String> writers = jdbc.sql("""
                        select xmin::text from lead_history
                         where lead_id = :id and type in ('LeadQualified', 'LeadRouted') order by id
                        """).param("id", id).query(String.class).list();
        assertThat(writers)
                .as("the transactions that wrote the qualification and the routing")
                .hasSize(2);
        assertThat(writers.get(0)).isEqualTo(writers.get(1));
        assertThat(lead.at("/routing/why").asString()).startsWith("rule north-america matched: company.country = US");
        assertThat(timelineTypes(id)).containsSubsequence("LeadQualified", "LeadRouted");
    }

    @Test
    void aCompanyWhoseNameMatchesAnOwnedAccountGoesToThatAccountsOwner() {
        String name = "Globex " + unique("g");
        long first = createLead(
                idealLead(unique("a") + "@globex-a.example", unique("globex-a") + ".example", name + " Corporation"));
        qualify(first);
        String owner = lead(first).get("owner").asString();

        long second = createLead(idealLead(
                unique("b") + "@globex-b.example", unique("globex-b") + ".example", name.toUpperCase() + ", Inc."));
        qualify(second);

        JsonNode routed = lead(second);
        assertThat(routed.get("owner").asString()).isEqualTo(owner);
        assertThat(routed.at("/routing/rule").asString()).isEqualTo("account-owner");
        assertThat(routed.at("/routing/why").asString())
                .contains("company name '" + name.toUpperCase() + ", Inc.' matches account '" + name + " Corporation'");
    }

    @Test
    void leadIsScoredWithItsCardAndTheAgreementVersion() {
        long id = qualifiedLead();

        JsonNode lead = lead(id);

        // fit 50; demo request 30, pricing page 10 (five minutes of a 14-day half-life), site visit 1
        assertThat(lead.get("score").asInt()).isEqualTo(91);
        assertThat(lead.at("/scoreCard/fit").asInt()).isEqualTo(50);
        assertThat(lead.at("/scoreCard/intent").asInt()).isEqualTo(41);
        assertThat(lead.get("qualifiedWith").asInt()).isEqualTo(version);
        assertThat(lead.get("whyQualified").asString()).startsWith("qualified: score");
        assertThat(lead.at("/scoreCard/lines").size()).isGreaterThan(2);
    }

    @Test
    void replayedBatchIsANoOp() {
        long id = createLead(idealLead(unique("r") + "@replay-" + unique("c") + ".example"));
        String[] batch = {
            event(unique("e"), "\"leadId\":" + id, "email_clicked", NOW.minusSeconds(60), "{}"),
            event(unique("e"), "\"leadId\":" + id, "content_downloaded", NOW.minusSeconds(30), "{}")
        };
        Response first = send(batch);
        long events = storedEvents();
        List<String> history = timelineTypes(id);

        Response replay = send(batch);

        assertThat(first.json().get("stored").asInt()).isEqualTo(2);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("stored").asInt()).isZero();
        assertThat(replay.json().get("duplicates").asInt()).isEqualTo(2);
        assertThat(replay.json().at("/results/0/status").asString()).isEqualTo("duplicate");
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(timelineTypes(id)).isEqualTo(history);
    }

    @Test
    void anonymousEventsAttachOnIdentificationAndTipTheLeadIntoMql() {
        String visitor = unique("visitor");
        String email = unique("ana") + "@initech-" + unique("c") + ".example";
        createLead(idealLead(email));
        send(
                event(
                        unique("e"),
                        "\"visitorId\":\"" + visitor + "\"",
                        "page_view",
                        NOW.minusSeconds(7200),
                        "{\"url\":\"/pricing\"}"),
                event(
                        unique("e"),
                        "\"visitorId\":\"" + visitor + "\"",
                        "webinar_attended",
                        NOW.minusSeconds(3600),
                        "{}"));
        long before = jdbc.sql("select count(*) from engagement_event where visitor_id = :v and lead_id is null")
                .param("v", visitor)
                .query(Long.class)
                .single();

        Response identified = send(event(
                unique("e"),
                "\"visitorId\":\"" + visitor + "\",\"email\":\"" + email + "\"",
                "newsletter_signup",
                NOW.minusSeconds(60),
                "{}"));

        long id = identified.json().at("/results/0/leadId").asLong();
        assertThat(before).isEqualTo(2);
        JsonNode lead = lead(id);
        assertThat(lead.get("stage").asString()).isEqualTo("mql");
        assertThat(lead.get("whyQualified").asString()).contains("2 signals ≥ 2");
        assertThat(timelineTypes(id)).contains("VisitorIdentified", "LeadQualified");
    }

    @Test
    void aLeadScoredEventByEventHasTheTraceAndScoreItsWholeHistoryGives() {
        String email = unique("trace") + "@gmail.com";
        long id = createLead("{\"email\":\"" + email + "\"}");
        String who = "\"leadId\":" + id;
        send(
                event(unique("e"), who, "email_unsubscribed", NOW.minus(Duration.ofDays(80)), "{}"),
                event(unique("e"), who, "page_view", NOW.minus(Duration.ofDays(40)), "{\"url\":\"/pricing\"}"));
        for (int day = 0; day < 6; day++) {
            clock.set(NOW.plus(Duration.ofDays(day * 3)));
            send(
                    event(unique("e"), who, "page_view", clock.instant().minusSeconds(60), "{\"url\":\"/pricing\"}"),
                    event(unique("e"), who, "email_clicked", clock.instant().minus(Duration.ofDays(5)), "{}"),
                    event(
                            unique("e"),
                            who,
                            "page_view",
                            clock.instant().minus(Duration.ofDays(29)),
                            "{\"url\":\"/x\"}"));
        }
        byte[] incremental = trace(id);
        int score = lead(id).get("score").asInt();

        jdbc.sql("update lead set score_trace = null, score = null where id = :id")
                .param("id", id)
                .update();
        postJson("/api/v1/leads", "{\"email\":\"" + email + "\"}");

        assertThat(trace(id)).as("the trace made again from every stored event").isEqualTo(incremental);
        assertThat(lead(id).get("score").asInt()).isEqualTo(score);
        assertThat(lead(id).at("/scoreCard/lines").toString()).contains("unsubscribed");
    }

    private byte[] trace(long id) {
        return jdbc.sql("select score_trace from lead where id = :id")
                .param("id", id)
                .query(byte[].class)
                .single();
    }

    @Test
    void lateEventIsScoredAtItsTrueTime() {
        long id = createLead("{\"email\":\"" + unique("late") + "@gmail.com\"}");

        send(event(
                unique("e"),
                "\"leadId\":" + id,
                "page_view",
                NOW.minus(Duration.ofDays(14)),
                "{\"url\":\"/pricing\"}"));

        JsonNode pricing = null;
        for (JsonNode line : lead(id).at("/scoreCard/lines")) {
            if (line.get("rule").asString().equals("pricing-page")) {
                pricing = line;
            }
        }
        assertThat(pricing).isNotNull();
        assertThat(pricing.get("points").asInt())
                .as("10 points halved by one 14-day half-life")
                .isEqualTo(5);
    }

    @Test
    void concurrentEventsForOneLeadQualifyItExactlyOnce() throws Exception {
        long id = createLead(idealLead(unique("c") + "@race-" + unique("c") + ".example"));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        try {
            var sends = new ArrayList<CompletableFuture<Response>>();
            for (int i = 0; i < threads; i++) {
                String type = i % 2 == 0 ? "form_submitted" : "page_view";
                String props = i % 2 == 0 ? "{\"form\":\"demo\"}" : "{\"url\":\"/pricing\"}";
                String body = event(unique("e"), "\"leadId\":" + id, type, NOW.minusSeconds(i), props);
                sends.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return send(body);
                        },
                        pool));
            }
            start.countDown();
            for (var sent : sends) {
                assertThat(sent.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(timelineTypes(id).stream().filter("LeadQualified"::equals)).hasSize(1);
        assertThat(lead(id).get("stage").asString()).isEqualTo("mql");
        assertThat(lead(id).get("cycle").asInt()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fullFunnelFromMqlToWonIsRecorded() {
        long id = qualifiedLead();

        assertThat(postJson("/api/v1/leads/" + id + "/accept", "{}").status()).isEqualTo(200);
        assertThat(postJson(
                                "/api/v1/leads/" + id + "/qualify",
                                "{\"bant\":{\"budget\":\"50k\",\"authority\":\"VP\",\"need\":\"routing\","
                                        + "\"timeline\":\"Q1\"}}")
                        .status())
                .isEqualTo(200);
        assertThat(postJson(
                                "/api/v1/leads/" + id + "/opportunity",
                                "{\"amount\":48000,\"currency\":\"usd\",\"expectedCloseDate\":\"2027-02-28\"}")
                        .status())
                .isEqualTo(200);
        Response won = postJson("/api/v1/leads/" + id + "/won", "{}");

        assertThat(won.json().get("stage").asString()).isEqualTo("won");
        assertThat(timelineTypes(id))
                .containsSubsequence(
                        "LeadQualified", "LeadAccepted", "LeadSalesQualified", "OpportunityOpened", "OpportunityWon");
    }

    @Test
    void rejectionAppliesTheReasonCodesConsequenceAndNeedsACode() {
        long id = qualifiedLead();

        Response withoutCode = postJson("/api/v1/leads/" + id + "/reject", "{\"note\":\"meh\"}");
        Response withCode = postJson("/api/v1/leads/" + id + "/reject", "{\"reasonCode\":\"NO_BUDGET\"}");

        assertThat(withoutCode.status()).isEqualTo(400);
        assertThat(withoutCode.json().at("/errors/0/field").asString()).isEqualTo("reasonCode");
        assertThat(withCode.json().get("stage").asString()).isEqualTo("recycled");
        assertThat(withCode.json().get("coolOffUntil").asString())
                .isEqualTo(NOW.plus(Duration.ofDays(90)).toString());
        assertThat(timelineTypes(id)).endsWith("LeadRejected", "LeadRecycled");
    }

    @Test
    void illegalTransitionAnswers409WithTheStageAndTheAllowedSteps() {
        long id = createLead("{\"email\":\"" + unique("new") + "@gmail.com\"}");

        Response refused = postJson("/api/v1/leads/" + id + "/accept", "{}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("stage").asString()).isEqualTo("lead");
        assertThat(refused.json().get("allowed").valueStream().map(JsonNode::asString))
                .containsExactly("qualify", "nurture", "disqualify");
    }

    @Test
    void activitiesSetTheFirstTouchToTheEarliest() {
        long id = qualifiedLead();
        String later = "{\"type\":\"call\",\"at\":\"" + NOW.minusSeconds(60)
                + "\",\"rep\":\"alex\",\"outcome\":\"voicemail\"}";
        String earlier = "{\"type\":\"email\",\"at\":\"" + NOW.minusSeconds(120) + "\",\"rep\":\"alex\"}";

        postJson("/api/v1/leads/" + id + "/activities", later);
        Response logged = postJson("/api/v1/leads/" + id + "/activities", earlier);

        assertThat(logged.json().get("firstTouchAt").asString())
                .isEqualTo(NOW.minusSeconds(120).toString());
        assertThat(timelineTypes(id).stream().filter("ActivityLogged"::equals)).hasSize(2);
    }

    @Test
    void badEventBatchesAreRefusedNamingTheFieldAndWriteNothing() {
        long id = createLead("{\"email\":\"" + unique("bad") + "@gmail.com\"}");
        long before = storedEvents();
        String good = event(unique("e"), "\"leadId\":" + id, "page_view", NOW, "{}");

        Response malformed = postJson("/api/v1/events", "{\"events\":[" + good + ",{");
        Response unknownField = postJson("/api/v1/events", "{\"events\":[" + good + "],\"colour\":\"blue\"}");
        Response wrongType = postJson("/api/v1/events", "{\"events\":[{\"eventId\":\"x\",\"leadId\":\"abc\"}]}");
        Response badEmail = send(good, event(unique("e"), "\"email\":\"not-an-email\"", "page_view", NOW, "{}"));
        Response future = send(good, event(unique("e"), "\"leadId\":" + id, "page_view", NOW.plusSeconds(3600), "{}"));
        Response noSubject = send(
                good, "{\"eventId\":\"" + unique("e") + "\",\"type\":\"page_view\",\"occurredAt\":\"" + NOW + "\"}");
        Response unknownLead = send(good, event(unique("e"), "\"leadId\":987654321", "page_view", NOW, "{}"));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(unknownField.json().at("/errors/0/field").asString()).isEqualTo("colour");
        assertThat(wrongType.json().at("/errors/0/field").asString()).isEqualTo("events[0].leadId");
        assertThat(badEmail.json().at("/errors/0/field").asString()).isEqualTo("events[1].email");
        assertThat(future.json().at("/errors/0/field").asString()).isEqualTo("events[1].occurredAt");
        assertThat(noSubject.json().at("/errors/0/field").asString()).isEqualTo("events[1]");
        assertThat(unknownLead.json().at("/errors/0/field").asString()).isEqualTo("events[1].leadId");
        for (Response refused : List.of(malformed, unknownField, wrongType, badEmail, future, noSubject, unknownLead)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void batchOfMoreThanAThousandEventsIsRefused() {
        var events = new ArrayList<String>();
        for (int i = 0; i < 1001; i++) {
            events.add(event("e" + i, "\"visitorId\":\"v\"", "page_view", NOW, "{}"));
        }

        Response refused = send(events.toArray(String[]::new));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("events");
    }

    @Test
    void oversizeBodyIsRefusedWith413() {
        String huge = "{\"events\":["
                + event(
                        "x",
                        "\"visitorId\":\"v\"",
                        "page_view",
                        NOW,
                        "{\"blob\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}")
                + "]}";

        Response refused = postJson("/api/v1/events", huge);

        assertThat(refused.status()).isEqualTo(413);
    }

    @Test
    void invalidLeadIsRefusedNamingEveryField() {
        Response refused = postJson(
                "/api/v1/leads",
                "{\"email\":\"nope\",\"company\":{\"employees\":-5},\"attributes\":{\"Seats\":\"4\"}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("email", "company.employees", "attributes.Seats");
    }

    @Test
    void unknownLeadIsNotFound() {
        assertThat(get("/api/v1/leads/987654321").status()).isEqualTo(404);
        assertThat(postJson("/api/v1/leads/987654321/accept", "{}").status()).isEqualTo(404);
    }
}
