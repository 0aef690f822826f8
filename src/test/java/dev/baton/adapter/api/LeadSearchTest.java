package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/leads: each filter, the orders and the pages, and the lookup by email. */
class LeadSearchTest extends LeadScenarios {

    /** Three leads of one source: two MQLs routed differently, one new lead, created an hour apart. */
    private record Three(String source, long us, long brazil, long fresh) {}

    private Three three() {
        String source = unique("src");
        clock.set(NOW.minus(Duration.ofHours(3)));
        long us = createLead(lead(unique("dana") + "@" + unique("initech") + ".example", source, "spring", "US"));
        clock.set(NOW.minus(Duration.ofHours(2)));
        long brazil = createLead(lead(unique("rui") + "@" + unique("sertao") + ".example", source, "autumn", "BR"));
        clock.set(NOW.minus(Duration.ofHours(1)));
        long fresh =
                createLead("{\"email\":\"" + unique("zed") + "@" + unique("quiet") + ".example\",\"firstName\":\"Zed\","
                        + "\"lastName\":\"Okafor\",\"source\":\"" + source + "\",\"campaign\":\"spring\"}");
        clock.set(NOW);
        qualifyAt(us, NOW);
        clock.set(NOW.plus(Duration.ofHours(1)));
        qualifyAt(brazil, NOW.plus(Duration.ofHours(1)));
        return new Three(source, us, brazil, fresh);
    }

    private static String lead(String email, String source, String campaign, String country) {
        String domain = email.substring(email.indexOf('@') + 1);
        return """
                {"email":"%s","firstName":"Dana","lastName":"Reyes","title":"VP Marketing","source":"%s",
                 "campaign":"%s",
                 "company":{"name":"%s Systems","domain":"%s","employees":200,"annualRevenue":20000000,
                            "industry":"SaaS","country":"%s"}}
                """.formatted(email, source, campaign, domain.substring(0, domain.indexOf('.')), domain, country);
    }

    private List<Long> ids(String query) {
        Response found = get("/api/v1/leads?" + query);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        var ids = new ArrayList<Long>();
        found.json().get("leads").forEach(lead -> ids.add(lead.get("id").asLong()));
        return ids;
    }

    private Set<Long> idSet(String query) {
        return new HashSet<>(ids(query));
    }

    private static <T> List<T> reversed(List<T> list) {
        var copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void eachFilterFindsTheLeadsItNamesAndNoOthers() {
        Three t = three();
        JsonNode us = lead(t.us());
        JsonNode brazil = lead(t.brazil());
        String of = "source=" + t.source();
        assertThat(us.get("stage").asString()).isEqualTo("mql");
        assertThat(brazil.get("queue").asString()).isEqualTo("unrouted-mqls");

        assertThat(idSet(of)).containsExactlyInAnyOrder(t.us(), t.brazil(), t.fresh());
        assertThat(idSet(of + "&stage=mql")).containsExactlyInAnyOrder(t.us(), t.brazil());
        assertThat(idSet(of + "&stage=LEAD")).containsExactly(t.fresh());
        assertThat(idSet(of + "&stage=mql,lead")).hasSize(3);
        assertThat(idSet(of + "&stage=mql&stage=lead")).hasSize(3);
        assertThat(idSet(of + "&owner=" + us.get("owner").asString().toUpperCase()))
                .containsExactly(t.us());
        assertThat(idSet(of + "&team=na-mid-market")).containsExactly(t.us());
        assertThat(idSet(of + "&queue=unrouted-mqls")).containsExactly(t.brazil());
        assertThat(idSet(of + "&campaign=spring")).containsExactlyInAnyOrder(t.us(), t.fresh());
        assertThat(idSet(of + "&priority=asked-for-demo")).containsExactlyInAnyOrder(t.us(), t.brazil());
        assertThat(idSet(of + "&version=" + version)).containsExactlyInAnyOrder(t.us(), t.brazil());
        assertThat(idSet(of + "&version=" + (version + 1000))).isEmpty();

        int usScore = us.get("score").asInt();
        int brazilScore = brazil.get("score").asInt();
        int freshScore = lead(t.fresh()).get("score").asInt();
        var scores = List.of(usScore, brazilScore, freshScore);
        var leads = List.of(t.us(), t.brazil(), t.fresh());
        for (int floor : scores) {
            var expected = new HashSet<Long>();
            var below = new HashSet<Long>();
            for (int i = 0; i < 3; i++) {
                (scores.get(i) >= floor ? expected : below).add(leads.get(i));
            }
            assertThat(idSet(of + "&minScore=" + floor))
                    .as("minScore %d", floor)
                    .isEqualTo(expected);
            assertThat(idSet(of + "&maxScore=" + (floor - 1)))
                    .as("maxScore %d", floor - 1)
                    .isEqualTo(below);
        }

        String brazilQualified = brazil.get("qualifiedAt").asString();
        assertThat(idSet(of + "&qualifiedSince=" + encoded(brazilQualified))).containsExactly(t.brazil());
        assertThat(idSet(of + "&qualifiedUntil=" + encoded(brazilQualified))).containsExactly(t.us());
        assertThat(idSet(of + "&qualifiedSince="
                        + NOW.minus(Duration.ofDays(1)).toString().substring(0, 10)))
                .as("a day is its start in the agreement's timezone")
                .containsExactlyInAnyOrder(t.us(), t.brazil());
        String brazilCreated = brazil.get("createdAt").asString();
        assertThat(idSet(of + "&createdSince=" + encoded(brazilCreated)))
                .containsExactlyInAnyOrder(t.brazil(), t.fresh());
    }

    @Test
    void freeTextSearchesEmailNameAndCompanyInAnyCase() {
        Three t = three();
        String usEmail = lead(t.us()).get("email").asString();
        String usCompany = lead(t.us()).at("/company/company.name").asString();
        String of = "source=" + t.source();

        assertThat(idSet(of + "&q=OKAFOR")).containsExactly(t.fresh());
        assertThat(idSet(of + "&q=zed%20okafor")).containsExactly(t.fresh());
        assertThat(idSet(of + "&q=" + encoded(usCompany.toUpperCase()))).containsExactly(t.us());
        assertThat(idSet(of + "&q=" + encoded(usEmail.substring(0, 12)))).containsExactly(t.us());
        assertThat(idSet(of + "&q=sertao")).as("the company's domain").containsExactly(t.brazil());
        assertThat(idSet(of + "&q=%25"))
                .as("a % is a character, not a wildcard")
                .isEmpty();
        assertThat(idSet(of + "&q=_")).as("so is _").isEmpty();
    }

    @Test
    void aLeadIsFoundByItsEmailSpeltAnyWayIntakeAccepts() {
        Three t = three();
        String email = lead(t.us()).get("email").asString();

        for (String spelling : List.of(email, email.toUpperCase(), "  " + email + " ", "Dana" + email.substring(4))) {
            Response found = get("/api/v1/leads?email=" + encoded(spelling));
            assertThat(found.status()).as(spelling).isEqualTo(200);
            assertThat(found.json().get("leads")).hasSize(1);
            JsonNode lead = found.json().at("/leads/0");
            assertThat(lead.get("id").asLong()).isEqualTo(t.us());
            assertThat(lead.get("email").asString()).isEqualTo(email);
            assertThat(lead.get("stage").asString()).isEqualTo("mql");
            assertThat(lead.get("team").asString()).isEqualTo("na-mid-market");
            assertThat(lead.get("source").asString()).isEqualTo(t.source());
            assertThat(lead.get("campaign").asString()).isEqualTo("spring");
            assertThat(lead.get("name").asString()).isEqualTo("Dana Reyes");
            assertThat(lead.get("company").asString()).endsWith(" Systems");
        }
        assertThat(ids("email=" + encoded("nobody-" + unique("x") + "@nowhere.example")))
                .isEmpty();
    }

    @Test
    void eachOrderSortsByItsKeyThenById() {
        Three t = three();
        String of = "source=" + t.source();
        var byScore = new ArrayList<>(List.of(t.us(), t.brazil(), t.fresh()));
        byScore.sort(Comparator.<Long>comparingInt(id -> lead(id).get("score").asInt())
                .thenComparing(Comparator.naturalOrder()));

        assertThat(ids(of)).as("newest first by default").containsExactly(t.fresh(), t.brazil(), t.us());
        assertThat(ids(of + "&sort=created")).containsExactly(t.us(), t.brazil(), t.fresh());
        assertThat(ids(of + "&sort=score")).isEqualTo(byScore);
        assertThat(ids(of + "&sort=-score")).isEqualTo(reversed(byScore));
        assertThat(ids(of + "&sort=qualified"))
                .as("never qualified sorts first ascending")
                .containsExactly(t.fresh(), t.us(), t.brazil());
        assertThat(ids(of + "&sort=-qualified")).containsExactly(t.brazil(), t.us(), t.fresh());
        assertThat(ids(of + "&sort=-updated")).hasSize(3);
    }

    @Test
    void pagesNeitherSkipNorRepeatALeadWhileLeadsAreAdded() {
        String source = unique("paged");
        var created = new ArrayList<Long>();
        for (int i = 0; i < 7; i++) {
            clock.set(NOW.plusSeconds(i));
            created.add(
                    createLead("{\"email\":\"" + unique("p" + i) + "@paged.example\",\"source\":\"" + source + "\"}"));
        }
        clock.set(NOW.plusSeconds(3));
        created.add(createLead("{\"email\":\"" + unique("tie") + "@paged.example\",\"source\":\"" + source + "\"}"));
        for (String sort : List.of("created", "-created", "score", "-qualified", "updated")) {
            var seen = new ArrayList<Long>();
            String cursor = null;
            int page = 0;
            do {
                Response found = get("/api/v1/leads?source=" + source + "&sort=" + sort + "&limit=3"
                        + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(found.status()).as(found.body()).isEqualTo(200);
                found.json()
                        .get("leads")
                        .forEach(lead -> seen.add(lead.get("id").asLong()));
                cursor = found.json().path("next").isString()
                        ? found.json().get("next").asString()
                        : null;
                clock.set(NOW.plusSeconds(100 + page));
                created.add(createLead(
                        "{\"email\":\"" + unique("late") + "@paged.example\",\"source\":\"" + source + "\"}"));
                page++;
            } while (cursor != null && page < 20);
            assertThat(seen).as(sort + ": no lead twice").doesNotHaveDuplicates();
            List<Long> before = created.subList(0, 8 + 0);
            assertThat(seen)
                    .as(sort + ": every lead there before the first page")
                    .containsAll(before);
        }
    }

    @Test
    void aLeadsEventsComeNewestFirstAPageAtATime() {
        long id = qualifiedLead();
        var sent = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            String eventId = unique("view");
            sent.add(eventId);
            send(event(eventId, "\"leadId\":" + id, "page_view", NOW.minusSeconds(60 - i), "{\"url\":\"/docs\"}"));
        }

        var seen = new ArrayList<String>();
        var times = new ArrayList<Instant>();
        String cursor = null;
        do {
            Response page =
                    get("/api/v1/leads/" + id + "/events?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().get("events").size()).isLessThanOrEqualTo(2);
            page.json().get("events").forEach(event -> {
                seen.add(event.get("id").asString());
                times.add(Instant.parse(event.get("occurredAt").asString()));
            });
            cursor = page.json().path("next").isString()
                    ? page.json().get("next").asString()
                    : null;
        } while (cursor != null);

        assertThat(seen).hasSize(7).doesNotHaveDuplicates().containsAll(sent);
        assertThat(seen.subList(0, 5)).isEqualTo(reversed(sent));
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(get("/api/v1/leads/999999999/events").status()).isEqualTo(404);
    }

    @Test
    void badFiltersAreRefusedNamingTheField() {
        for (String[] c : new String[][] {
            {"stage=won,flying", "stage"},
            {"limit=0", "limit"},
            {"limit=501", "limit"},
            {"sort=size", "sort"},
            {"cursor=not-a-cursor", "cursor"},
            {"email=not-an-email", "email"},
            {"minScore=70&maxScore=10", "minScore"},
            {"minScore=lots", "minScore"},
            {"qualifiedSince=2026-13-01", "qualifiedSince"},
            {"createdSince=yesterday", "createdSince"},
            {"qualifiedSince=2026-03-02&qualifiedUntil=2026-03-01", "qualifiedUntil"},
            {"owner=", "owner"},
        }) {
            Response refused = get("/api/v1/leads?" + c[0]);
            assertThat(refused.status()).as(c[0]).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().at("/errors/0/field").asString()).as(c[0]).isEqualTo(c[1]);
        }
        Response first = get("/api/v1/leads?sort=score&limit=1");
        String cursor = first.json().get("next").asString();
        Response mixed = get("/api/v1/leads?sort=created&limit=1&cursor=" + cursor);
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().at("/errors/0/field").asString()).isEqualTo("cursor");
    }

    @Test
    void companiesAreFoundByDomainAndName() {
        String domain = unique("umbrella") + ".example";
        long first = createLead("{\"email\":\"a@" + domain + "\",\"company\":{\"name\":\"Umbrella Health\"}}");
        createLead("{\"email\":\"b@" + domain + "\"}");
        long companyId = jdbc.sql("select company_id from lead where id = :id")
                .param("id", first)
                .query(Long.class)
                .single();

        Response byDomain = get("/api/v1/companies?domain=" + domain.toUpperCase());
        assertThat(byDomain.json().get("companies")).hasSize(1);
        JsonNode company = byDomain.json().at("/companies/0");
        assertThat(company.get("id").asLong()).isEqualTo(companyId);
        assertThat(company.get("name").asString()).isEqualTo("Umbrella Health");
        assertThat(company.get("leads").asLong()).isEqualTo(2);
        assertThat(get("/api/v1/companies/" + companyId).json().get("domain").asString())
                .isEqualTo(domain);
        assertThat(get("/api/v1/companies?q=" + domain.substring(0, 14).toUpperCase())
                        .json()
                        .get("companies"))
                .hasSize(1);
        assertThat(get("/api/v1/companies/999999999").status()).isEqualTo(404);
        assertThat(get("/api/v1/companies?cursor=x").status()).isEqualTo(400);

        String stem = unique("stark");
        var made = new HashSet<Long>();
        for (int i = 0; i < 5; i++) {
            long lead = createLead("{\"email\":\"a@" + stem + "-" + i + ".example\"}");
            made.add(jdbc.sql("select company_id from lead where id = :id")
                    .param("id", lead)
                    .query(Long.class)
                    .single());
        }
        var all = new ArrayList<Long>();
        String cursor = null;
        do {
            JsonNode page = get("/api/v1/companies?q=" + stem + "&limit=2"
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            assertThat(page.get("companies").size()).isLessThanOrEqualTo(2);
            page.get("companies").forEach(c -> all.add(c.get("id").asLong()));
            cursor = page.path("next").isString() ? page.get("next").asString() : null;
        } while (cursor != null && all.size() < 100);
        assertThat(all).doesNotHaveDuplicates().isSorted();
        assertThat(new HashSet<>(all)).isEqualTo(made);
    }
}
