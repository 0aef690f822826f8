package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.access.LeadWork;
import dev.baton.core.engine.LeadDetails;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The leads of a queue, read together as the queue reads them. */
class QueueListingTest extends LeadScenarios {

    @Autowired
    LeadWork work;

    /** The queue reads its leads together; each must be what the lead's own page reads alone, clocks and all. */
    @Test
    void theLeadsAQueueListsTogetherAreEachTheLeadAsItsOwnPageReadsIt() {
        long accepted = qualifiedLead();
        postJson("/api/v1/leads/" + accepted + "/accept", "{}");
        long waiting = qualifiedLead();
        long unqualified = createLead(idealLead(unique("cold") + "@acme.example"));
        clock.advance(Duration.ofMinutes(90));

        var listed = work.listed(List.of(waiting, 999_999_999L, unqualified, accepted));

        assertThat(listed).extracting(LeadDetails::id).containsExactly(waiting, unqualified, accepted);
        for (var lead : listed) {
            var alone = work.details(lead.id());
            assertThat(lead.clocks()).as("the clocks of " + lead.id()).isEqualTo(alone.clocks());
            assertThat(lead.withClocks(alone.clocks(), alone.responseTimes()))
                    .as("lead " + lead.id())
                    .isEqualTo(alone);
        }
        assertThat(listed.get(0).clocks()).isNotEmpty();
        assertThat(listed.get(1).clocks()).isEmpty();
    }
}
