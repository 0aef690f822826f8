package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The example agreement's program escalations on a settable clock. Its MQL volume target is at least 100 a month, and
 * mql-volume-short trips when MQLs are more than 20% below it (under 80) two months running, telling the head of
 * marketing. Three MQLs arrive in January 2030 and three in February; none in March. Notices go to a webhook channel
 * (never delivered here), so that the outbox shows who was told.
 */
class EscalationsTest extends LeadScenarios {

    private static final String HEAD_OF_MARKETING = "maria.lopez@northwind.example";

    @DynamicPropertySource
    static void aChannel(DynamicPropertyRegistry registry) {
        registry.add("baton.notifications.webhook.url", () -> "http://localhost:9/never-delivered");
        registry.add("baton.notifications.webhook.secret", () -> "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0");
    }

    @BeforeEach
    void noOpenReviews() {
        jdbc.sql("delete from review_item").update();
    }

    /** Three MQLs in January and three in February of a year no other test uses. */
    private void twoQuietMonths(int year) {
        for (String day : List.of("01-06", "01-13", "01-20", "02-03", "02-10", "02-17")) {
            mqlOn(year + "-" + day);
        }
    }

    @Test
    void volumeTwentyPercentUnderTargetTwoMonthsRunningOpensOneReviewAndTellsItsOwnerOnce() {
        twoQuietMonths(2030);
        clock.set(Instant.parse("2030-03-05T15:00:00Z"));

        JsonNode review = volumeReview(post("/api/v1/reviews", "application/json", "{}"));

        assertThat(review.get("tripped").asString()).isEqualTo("mqls-per-month below-target-by 20% for 2 months");
        assertThat(review.get("from").asString()).isEqualTo("2030-01-01");
        assertThat(review.get("to").asString()).isEqualTo("2030-02-28");
        assertThat(review.get("figures")
                        .valueStream()
                        .map(f ->
                                f.get("month").asString() + " " + f.get("value").asDouble() + " "
                                        + f.get("line").asDouble()))
                .containsExactly("2030-01 3.0 80.0", "2030-02 3.0 80.0");
        assertThat(review.at("/owners/head-of-marketing").asString()).isEqualTo(HEAD_OF_MARKETING);
        assertThat(review.get("state").asString()).isEqualTo("open");
        assertThat(noticesOf(review)).containsExactly(HEAD_OF_MARKETING);

        // evaluated again while it is open: nothing new for the same trigger, and no second notice
        assertThat(volumeReviews(post("/api/v1/reviews", "application/json", "{}")))
                .isEmpty();
        assertThat(noticesOf(review)).containsExactly(HEAD_OF_MARKETING);
        assertThat(get("/api/v1/reviews?state=open")
                        .json()
                        .valueStream()
                        .filter(r -> r.get("escalation").asString().equals("mql-volume-short")))
                .hasSize(1);
    }

    @Test
    void closingRecordsWhoAndWhyAndTheSameTriggerNextMonthOpensANewOne() {
        twoQuietMonths(2032);
        clock.set(Instant.parse("2032-03-05T15:00:00Z"));
        JsonNode first = volumeReview(post("/api/v1/reviews", "application/json", "{}"));
        String path = "/api/v1/reviews/" + first.get("id").asLong() + "/close";

        tokenOf(HEAD_OF_MARKETING, "marketing");
        Response noNote = as(HEAD_OF_MARKETING, "POST", path, "{}");
        Response closed = as(HEAD_OF_MARKETING, "POST", path, "{\"note\":\"Webinar series moved to April\"}");
        Response again = as(HEAD_OF_MARKETING, "POST", path, "{\"note\":\"twice\"}");

        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.json().at("/errors/0/field").asString()).isEqualTo("note");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("state").asString()).isEqualTo("closed");
        assertThat(closed.json().get("closedBy").asString()).isEqualTo(HEAD_OF_MARKETING);
        assertThat(closed.json().get("note").asString()).isEqualTo("Webinar series moved to April");
        assertThat(closed.json().get("closedAt").asString()).isEqualTo("2032-03-05T15:00:00Z");
        assertThat(again.status()).isEqualTo(409);
        // the same months do not open it again once it is closed
        assertThat(volumeReviews(post("/api/v1/reviews", "application/json", "{}")))
                .isEmpty();

        clock.set(Instant.parse("2032-04-03T15:00:00Z"));
        JsonNode next = volumeReview(post("/api/v1/reviews", "application/json", "{}"));

        assertThat(next.get("id").asLong()).isNotEqualTo(first.get("id").asLong());
        assertThat(next.get("from").asString()).isEqualTo("2032-02-01");
        assertThat(next.get("figures").valueStream().map(f -> f.get("value").asDouble()))
                .containsExactly(3.0, 0.0);
        assertThat(noticesOf(next)).containsExactly(HEAD_OF_MARKETING);
    }

    @Test
    void aTriggerMustHoldInEachOfItsMonths() {
        twoQuietMonths(2034);
        // on 5 February the two whole months before are December (no MQLs) and January (three): both under 80
        clock.set(Instant.parse("2034-02-05T15:00:00Z"));
        assertThat(volumeReviews(post("/api/v1/reviews", "application/json", "{}")))
                .hasSize(1);
        jdbc.sql("delete from review_item").update();
        // with 80 MQLs in January, January is not under 80, and two months running no longer hold
        for (int i = 0; i < 77; i++) {
            mqlOn("2034-01-27");
        }
        clock.set(Instant.parse("2034-02-05T15:00:00Z"));
        assertThat(volumeReviews(post("/api/v1/reviews", "application/json", "{}")))
                .isEmpty();
    }

    private JsonNode volumeReview(Response response) {
        List<JsonNode> reviews = volumeReviews(response);
        assertThat(reviews).hasSize(1);
        return reviews.get(0);
    }

    private static List<JsonNode> volumeReviews(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json()
                .valueStream()
                .filter(r -> r.get("escalation").asString().equals("mql-volume-short"))
                .toList();
    }

    private List<String> noticesOf(JsonNode review) {
        return jdbc.sql("select recipient from notification where kind = 'ESCALATION'"
                        + " and body->'fields'->>'review' = :review order by id")
                .param("review", review.get("id").asString())
                .query(String.class)
                .list();
    }

    private void mqlOn(String day) {
        Instant at = Instant.parse(day + "T15:00:00Z");
        clock.set(at);
        String email = unique("dana") + "@acme-" + unique("co") + ".example";
        long id = createLead(idealLead(email));
        qualifyAt(id, at);
    }
}
