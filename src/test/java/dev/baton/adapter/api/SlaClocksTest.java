package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.engine.DueClocks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The service-level clocks by time travel on the real database: leads qualify at a set instant, the test moves the
 * clock and runs the timers itself, and every deadline is the UTC instant a New York office clock shows, worked out
 * by hand from the agreement (09:00-17:00 on weekdays, US holidays; no federal holiday falls in these weeks).
 */
class SlaClocksTest extends LeadScenarios {

    /** Friday 16 October 2026, 16:30 in New York (EDT). */
    private static final Instant FRIDAY_1630 = Instant.parse("2026-10-16T20:30:00Z");

    @Autowired
    DueClocks timers;

    @BeforeEach
    void businessTimeFirstTouch() throws IOException {
        clock.set(FRIDAY_1630);
        String source = Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml"))
                .replace("first-touch-within: 24h", "first-touch-within: 1 business day")
                .replace("priority-first-touch-within: 2h", "priority-first-touch-within: 2 business hours");
        version = activate(source, "saas with business-time first touch");
        timers.drain(1000);
    }

    @Test
    void aLeadAssignedFridayAtHalfPastFourHasItsDeadlinesOnTheBusinessCalendar() {
        long id = mqlAtFridayHalfPastFour(false);

        JsonNode lead = lead(id);
        assertThat(lead.get("owner").asString()).endsWith("@northwind.example");
        // accept: half an hour on Friday, then 3.5 hours from Monday 09:00 → Monday 12:30 EDT
        assertThat(clock(lead, "accept").get("deadline").asString()).isEqualTo("2026-10-19T16:30:00Z");
        assertThat(clock(lead, "accept").get("deadlineLocal").asString())
                .isEqualTo("2026-10-19 12:30 America/New_York");
        // one business day: the next open day at the same time → Monday 16:30 EDT
        assertThat(clock(lead, "first-touch").get("deadline").asString()).isEqualTo("2026-10-19T20:30:00Z");
        // ten business days: 19-23 and 26-30 October → Friday 30 October, 16:30 EDT
        assertThat(clock(lead, "attempts").get("deadline").asString()).isEqualTo("2026-10-30T20:30:00Z");
        assertThat(clock(lead, "route").get("state").asString()).isEqualTo("met");
        assertThat(clock(lead, "accept").get("state").asString()).isEqualTo("running");
        assertThat(clock(lead, "accept").get("businessTimeLeft").asString()).isEqualTo("PT4H");
        assertThat(get("/api/v1/leads/" + id + "/handoff").json().get("clocks")).hasSize(4);
        assertThat(getText("/api/v1/leads/" + id + "/handoff"))
                .contains("Due: accept by 2026-10-19 12:30 America/New_York: running, 4h of business time left");
        assertThat(clockEntries(id)).contains("ClockStarted accept 2026-10-16T20:30:00Z");
    }

    @Test
    void aPriorityLeadGetsThePriorityFirstTouchDeadline() {
        long id = mqlAtFridayHalfPastFour(true);

        // two business hours: half an hour on Friday, 1.5 hours from Monday 09:00 → Monday 10:30 EDT
        assertThat(clock(lead(id), "first-touch").get("deadline").asString()).isEqualTo("2026-10-19T14:30:00Z");
        assertThat(clock(lead(id), "first-touch").get("within").asString()).isEqualTo("2 business hours");
    }

    @Test
    void theTimerRemindsThenRecordsTheBreachAtTheDeadlineThenRoutesTheLeadAgain() {
        long id = mqlAtFridayHalfPastFour(false);
        String firstRep = lead(id).get("owner").asString();

        clock.set(Instant.parse("2026-10-19T15:45:00Z")); // Monday 11:45, after the reminder an hour before 12:30
        timers.drain(100);
        assertThat(clockEntries(id)).contains("ReminderDue accept 2026-10-19T15:30:00Z");
        assertThat(clockEntries(id)).noneMatch(e -> e.startsWith("ClockBreached"));

        clock.set(Instant.parse("2026-10-19T19:00:00Z")); // the timer runs late, at 15:00
        timers.drain(100);
        assertThat(clockEntries(id)).contains("ClockBreached accept 2026-10-19T16:30:00Z");
        assertThat(clock(lead(id), "accept").get("breachedAt").asString()).isEqualTo("2026-10-19T16:30:00Z");
        assertThat(lead(id).get("owner").asString()).isEqualTo(firstRep);

        // reassign-after one business day: Tuesday 12:30 EDT
        clock.set(Instant.parse("2026-10-20T16:29:00Z"));
        timers.drain(100);
        assertThat(lead(id).get("owner").asString()).isEqualTo(firstRep);
        clock.set(Instant.parse("2026-10-20T16:31:00Z"));
        timers.drain(100);

        JsonNode lead = lead(id);
        assertThat(lead.get("owner").asString()).isNotEqualTo(firstRep).endsWith("@northwind.example");
        JsonNode reassigned = lastOfType(id, "LeadReassigned");
        assertThat(reassigned.get("actor").asString()).isEqualTo("sla");
        assertThat(reassigned.at("/data/reason").asString())
                .isEqualTo("the accept deadline of 2026-10-19T16:30:00Z was missed by " + firstRep);
        assertThat(clockEntries(id)).contains("ReassignmentDue accept 2026-10-20T16:30:00Z");
        JsonNode accept = clock(lead, "accept");
        assertThat(accept.get("rep").asString()).isEqualTo(lead.get("owner").asString());
        assertThat(accept.get("startedAt").asString()).isEqualTo("2026-10-20T16:31:00Z");
        assertThat(accept.get("deadline").asString()).isEqualTo("2026-10-20T20:31:00Z"); // four business hours on
        assertThat(timers.drain(100)).isZero();
    }

    @Test
    void aLeadWithThreeUnansweredAttemptsOverTenBusinessDaysIsNurturedAsNoResponse() {
        long id = mqlAtFridayHalfPastFour(false);
        String rep = lead(id).get("owner").asString();
        clock.set(Instant.parse("2026-10-19T14:00:00Z"));
        assertThat(postJson("/api/v1/leads/" + id + "/accept", "{}").status()).isEqualTo(200);
        for (String at : List.of("2026-10-19T14:10:00Z", "2026-10-22T15:00:00Z", "2026-10-27T18:00:00Z")) {
            clock.set(Instant.parse(at));
            Response logged = postJson(
                    "/api/v1/leads/" + id + "/activities",
                    "{\"type\":\"call\",\"rep\":\"" + rep + "\",\"at\":\"" + at + "\",\"outcome\":\"no answer\"}");
            assertThat(logged.status()).as(logged.body()).isEqualTo(200);
        }
        assertThat(clock(lead(id), "attempts").get("state").asString()).isEqualTo("met");
        clock.set(Instant.parse("2026-10-30T20:00:00Z"));
        timers.drain(100);
        assertThat(lead(id).get("stage").asString()).isEqualTo("accepted");

        clock.set(Instant.parse("2026-11-02T14:00:00Z"));
        timers.drain(100);

        assertThat(lead(id).get("stage").asString()).isEqualTo("nurture");
        assertThat(clockEntries(id)).contains("LeadUnresponsive attempts 2026-10-30T20:30:00Z");
        JsonNode nurtured = lastOfType(id, "LeadNurtured");
        assertThat(nurtured.get("at").asString()).isEqualTo("2026-10-30T20:30:00Z");
        assertThat(nurtured.at("/data/reasonCode").asString()).isEqualTo("NO_RESPONSE");
    }

    @Test
    void aLeadThatAnsweredIsNotClosedAndItsClocksStopWhenItMovesOn() {
        long id = mqlAtFridayHalfPastFour(false);
        String rep = lead(id).get("owner").asString();
        clock.set(Instant.parse("2026-10-19T14:00:00Z"));
        postJson(
                "/api/v1/leads/" + id + "/activities",
                "{\"type\":\"call\",\"rep\":\"" + rep
                        + "\",\"at\":\"2026-10-19T14:00:00Z\",\"outcome\":\"connected\"}");
        postJson("/api/v1/leads/" + id + "/accept", "{}");
        postJson("/api/v1/leads/" + id + "/nurture", "{\"reasonCode\":\"BAD_TIMING\"}");

        clock.set(Instant.parse("2026-11-30T14:00:00Z"));
        timers.drain(100);

        JsonNode lead = lead(id);
        assertThat(clock(lead, "first-touch").get("state").asString()).isEqualTo("met");
        assertThat(clock(lead, "attempts").get("state").asString()).isEqualTo("met");
        // qualified Friday 16:30, touched Monday 10:00: 65.5 hours on the wall clock, 1.5 business hours
        JsonNode response = lead.get("responseTimes").get(0);
        assertThat(response.get("wallClock").asString()).isEqualTo("PT65H30M");
        assertThat(response.get("business").asString()).isEqualTo("PT1H30M");
        assertThat(response.get("rep").asString()).isEqualTo(rep);
        assertThat(clockEntries(id)).noneMatch(e -> e.startsWith("LeadUnresponsive") || e.startsWith("ClockBreached"));
    }

    @Test
    void aLeadHandedToARepWhoIsAwayIsFlaggedWhenItsClocksStart() {
        long id = mqlAtFridayHalfPastFour(false);
        String away = "tom.berg@northwind.example";
        assertThat(postJson(
                                "/api/v1/reps/" + away + "/absences",
                                "{\"from\":\"2026-10-16T00:00:00Z\",\"until\":\"2026-10-30T00:00:00Z\",\"note\":\"leave\"}")
                        .status())
                .isEqualTo(201);

        Response moved = postJson(
                "/api/v1/leads/" + id + "/reassign", "{\"rep\":\"" + away + "\",\"reason\":\"knows the account\"}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode flag = lastOfType(id, "RepAwayWhenClocksStarted");
        assertThat(flag.get("at").asString()).isEqualTo("2026-10-16T20:30:00Z");
        assertThat(flag.at("/data/why").asString()).startsWith(away + " out of office until");
    }

    /** An ideal lead that qualifies at Friday 16:30, by a webinar and a download, or by a demo request. */
    private long mqlAtFridayHalfPastFour(boolean priority) {
        clock.set(FRIDAY_1630);
        String email = unique("dana") + "@acme-" + unique("co") + ".example";
        long id = createLead(idealLead(email));
        Instant before = FRIDAY_1630.minusSeconds(3600);
        Response sent = priority
                ? send(
                        event(unique("e"), "\"leadId\":" + id, "form_submitted", before, "{\"form\":\"demo\"}"),
                        event(unique("e"), "\"leadId\":" + id, "page_view", before, "{\"url\":\"/pricing\"}"))
                : send(
                        event(unique("e"), "\"leadId\":" + id, "webinar_attended", before, "{}"),
                        event(unique("e"), "\"leadId\":" + id, "content_downloaded", before, "{}"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        JsonNode lead = lead(id);
        assertThat(lead.get("stage").asString()).isEqualTo("mql");
        assertThat(lead.get("priority").isEmpty()).isEqualTo(!priority);
        return id;
    }

    private static JsonNode clock(JsonNode lead, String kind) {
        JsonNode found = null;
        for (JsonNode clock : lead.get("clocks")) {
            if (clock.get("clock").asString().equals(kind)) {
                found = clock;
            }
        }
        assertThat(found).as("a %s clock in %s", kind, lead.get("clocks")).isNotNull();
        return found;
    }

    /** The clocks' timeline entries as "type clock at". */
    private List<String> clockEntries(long id) {
        var entries = new ArrayList<String>();
        get("/api/v1/leads/" + id + "/timeline").json().forEach(e -> {
            if (e.path("actor").asString("").equals("sla")) {
                entries.add(e.get("type").asString() + " " + e.at("/data/clock").asString() + " "
                        + e.get("at").asString());
            }
        });
        return entries;
    }

    private JsonNode lastOfType(long id, String type) {
        JsonNode found = null;
        for (JsonNode entry : get("/api/v1/leads/" + id + "/timeline").json()) {
            if (entry.get("type").asString().equals(type)) {
                found = entry;
            }
        }
        assertThat(found).as(type).isNotNull();
        return found;
    }
}
