package dev.baton.adapter.notification;

import dev.baton.core.agreement.ChannelKind;
import dev.baton.core.notification.Delivery;
import dev.baton.core.notification.Notice;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack incoming webhooks: a Block Kit message a rep can act on — the headline, who the lead is (mentioning the rep
 * by Slack id when the agreement has it), why now, score and priority, the deadline on the rep's clock, and a button
 * to the lead — with the subject as the plain-text fallback.
 */
public final class SlackDelivery implements Delivery {

    private final URI url;
    private final JsonMapper json;
    private final HttpPost post = new HttpPost();

    public SlackDelivery(URI url, JsonMapper json) {
        this.url = url;
        this.json = json;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SLACK;
    }

    @Override
    public void deliver(Notice notice) throws Failed {
        post.send(url, Map.of(), json.writeValueAsString(message(notice)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> message(Notice notice) {
        Map<String, Object> fields = notice.fields();
        Map<String, Object> lead = (Map<String, Object>) fields.getOrDefault("lead", Map.of());
        var lines = new ArrayList<String>();
        String to = fields.containsKey("slack")
                ? "<@" + fields.get("slack") + ">"
                : String.valueOf(fields.get("recipient"));
        lines.add("*" + escape(String.valueOf(lead.getOrDefault("name", ""))) + "* · "
                + escape(String.valueOf(lead.getOrDefault("company", ""))) + " · "
                + escape(String.valueOf(lead.getOrDefault("email", ""))));
        lines.add("*Why now:* " + escape(String.valueOf(lead.getOrDefault("why", ""))));
        List<Object> priority = (List<Object>) lead.getOrDefault("priority", List.of());
        lines.add("*Score:* " + lead.getOrDefault("score", "")
                + (priority.isEmpty()
                        ? ""
                        : " · *Priority:* "
                                + escape(String.join(
                                        "; ",
                                        priority.stream().map(String::valueOf).toList()))));
        if (fields.get("clock") instanceof Map<?, ?> clock) {
            lines.add("*Deadline:* " + clock.get("clock") + " by " + clock.get("deadlineLocal") + " ("
                    + clock.get("state") + ")");
        }
        var blocks = new ArrayList<Object>();
        blocks.add(Map.of(
                "type",
                "header",
                "text",
                Map.of(
                        "type",
                        "plain_text",
                        "text",
                        String.valueOf(fields.getOrDefault("headline", notice.subject())))));
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", String.join("\n", lines))));
        blocks.add(
                Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text", "For " + escape(to)))));
        blocks.add(Map.of(
                "type",
                "actions",
                "elements",
                List.of(Map.of(
                        "type", "button",
                        "text", Map.of("type", "plain_text", "text", "Open the lead"),
                        "url", String.valueOf(lead.getOrDefault("link", ""))))));
        var message = new LinkedHashMap<String, Object>();
        message.put("text", notice.subject());
        message.put("blocks", blocks);
        return message;
    }

    /** Slack's three control characters in mrkdwn text. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
