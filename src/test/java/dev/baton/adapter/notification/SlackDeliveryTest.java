package dev.baton.adapter.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.agreement.ChannelKind;
import dev.baton.core.agreement.NoticeKind;
import dev.baton.core.notification.Notice;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Block Kit message a Slack channel gets, built without sending it. */
class SlackDeliveryTest {

    @Test
    void aLeadNoticeMentionsTheRepAndEscapesWhatTheLeadTyped() {
        Notice notice = new Notice(
                "msg_1",
                NoticeKind.HANDOFF,
                ChannelKind.SLACK,
                "alex@acme.example",
                Optional.of(7L),
                "New MQL for you: Dana <Reyes>",
                "…",
                Map.of(
                        "headline", "New MQL for you",
                        "slack", "U04ALEX",
                        "lead",
                                Map.of(
                                        "name",
                                        "Dana <script>",
                                        "company",
                                        "A&B",
                                        "email",
                                        "dana@ab.example",
                                        "score",
                                        72,
                                        "priority",
                                        List.of("asked for a demo"),
                                        "why",
                                        "score 72 ≥ 60",
                                        "link",
                                        "https://baton.example/api/v1/leads/7/handoff")));

        Map<String, Object> message = SlackDelivery.message(notice);

        assertThat(message.get("text")).isEqualTo("New MQL for you: Dana <Reyes>");
        List<?> blocks = (List<?>) message.get("blocks");
        assertThat(blocks).hasSize(4);
        String section = String.valueOf(((Map<?, ?>) ((Map<?, ?>) blocks.get(1)).get("text")).get("text"));
        assertThat(section)
                .contains("*Dana &lt;script&gt;* · A&amp;B · dana@ab.example")
                .contains("*Priority:* asked for a demo")
                .doesNotContain("<script>");
        assertThat(String.valueOf(blocks.get(2))).contains("<@U04ALEX>");
        assertThat(String.valueOf(blocks.get(3))).contains("https://baton.example/api/v1/leads/7/handoff");
    }

    @Test
    void anAgreementSummaryFitsInOneSectionAndLinksToTheVersion() {
        Notice notice = new Notice(
                "msg_2",
                NoticeKind.AGREEMENT_ACTIVATED,
                ChannelKind.SLACK,
                "revops@acme.example",
                Optional.empty(),
                "Agreement version 3 is active: Acme",
                "…",
                Map.of(
                        "headline", "Agreement version 3 is active: Acme",
                        "summary", "x".repeat(5000),
                        "link", "https://baton.example/api/v1/agreements/3",
                        "recipient", "revops@acme.example"));

        List<?> blocks = (List<?>) SlackDelivery.message(notice).get("blocks");

        String section = String.valueOf(((Map<?, ?>) ((Map<?, ?>) blocks.get(1)).get("text")).get("text"));
        assertThat(section.length()).isLessThanOrEqualTo(3000);
        assertThat(String.valueOf(blocks.get(3))).contains("Open the agreement", "/api/v1/agreements/3");
    }
}
