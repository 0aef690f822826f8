package dev.baton.core.notification;

import dev.baton.core.agreement.ChannelKind;
import dev.baton.core.agreement.NoticeKind;
import java.util.Map;
import java.util.Optional;

/**
 * One message to one recipient over one kind of channel. The key identifies it across retries (receivers deduplicate
 * on it); the subject and the text are for people, the fields for machines (a Slack message's blocks, a webhook's
 * JSON).
 */
public record Notice(
        String key,
        NoticeKind kind,
        ChannelKind channel,
        String recipient,
        Optional<Long> leadId,
        String subject,
        String text,
        Map<String, Object> fields) {

    public Notice {
        fields = Map.copyOf(fields);
    }
}
