package dev.baton.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.lead.EngagementEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TouchpointsTest {

    private static final Instant T = Instant.parse("2026-11-20T15:00:00Z");

    private static EngagementEvent view(String id, String url, int minute) {
        return new EngagementEvent(id, "page_view", T.plusSeconds(60L * minute), Map.of("url", url));
    }

    @Test
    void aPageWithAndWithoutItsQueryOrFragmentIsOnePage() {
        var summary = HandoffPacket.summarise(List.of(
                view("a", "/pricing", 0),
                view("b", "/pricing?utm_source=ads&utm_medium=cpc", 5),
                view("c", "/pricing#plans", 9),
                view("d", "/docs", 3),
                view("e", "?only=query", 4)));

        assertThat(summary)
                .containsExactly(
                        new HandoffPacket.Touchpoints("page_view /pricing", 3, T, T.plusSeconds(540)),
                        new HandoffPacket.Touchpoints("page_view /docs", 1, T.plusSeconds(180), T.plusSeconds(180)),
                        new HandoffPacket.Touchpoints(
                                "page_view ?only=query", 1, T.plusSeconds(240), T.plusSeconds(240)));
    }
}
