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

    /** Slack's limit on the text of one section block. */
    private static final int SECTION_LIMIT = 3000;

    @SuppressWarnings("unchecked")
    static Map<String, Object> message(Notice notice) {
        Map<String, Object> fields = notice.fields();
        var blocks = new ArrayList<Object>();
        blocks.add(Map.of(
                "type",
                "header",
                "text",
                Map.of(
                        "type",
                        "plain_text",
                        "text",
                        clip(String.valueOf(fields.getOrDefault("headline", notice.subject())), 150))));
        String link;
        if (fields.get("lead") instanceof Map<?, ?> lead) {
            blocks.add(section(String.join("\n", leadLines((Map<String, Object>) lead, fields))));
            link = String.valueOf(lead.get("link"));
        } else {
            blocks.add(section("```"
                    + clip(String.valueOf(fields.getOrDefault("summary", notice.text())), SECTION_LIMIT - 6) + "```"));
            link = String.valueOf(fields.getOrDefault("link", ""));
        }
        String to = fields.containsKey("slack")
                ? "<@" + fields.get("slack") + ">"
                : escape(String.valueOf(fields.get("recipient")));
        blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text", "For " + to))));
        blocks.add(Map.of(
                "type",
                "actions",
                "elements",
                List.of(Map.of(
                        "type",
                        "button",
                        "text",
                        Map.of(
                                "type",
                                "plain_text",
                                "text",
                                fields.containsKey("lead")
                                        ? "Open the lead"
                                        : String.valueOf(fields.getOrDefault("linkText", "Open the agreement"))),
                        "url",
                        link))));
        var message = new LinkedHashMap<String, Object>();
        message.put("text", notice.subject());
        message.put("blocks", blocks);
        return message;
    }

    @SuppressWarnings("unchecked")
    private static List<String> leadLines(Map<String, Object> lead, Map<String, Object> fields) {
        var lines = new ArrayList<String>();
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
        return lines;
    }

    private static Map<String, Object> section(String text) {
        return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", clip(text, SECTION_LIMIT)));
    }

    private static String clip(String text, int most) {
        return text.length() <= most ? text : text.substring(0, most - 1) + "…";
    }

    /** Slack's three control characters in mrkdwn text. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
