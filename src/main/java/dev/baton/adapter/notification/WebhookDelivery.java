package dev.baton.adapter.notification;

import dev.baton.core.agreement.ChannelKind;
import dev.baton.core.notification.Delivery;
import dev.baton.core.notification.Notice;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outgoing webhooks signed as the Standard Webhooks specification says: {@code webhook-id} (the notice's key, the
 * same on every retry), {@code webhook-timestamp} (seconds since the epoch) and {@code webhook-signature}
 * ({@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body} under the secret). A secret written
 * {@code whsec_…} is the base64 of the key, as the specification's libraries expect.
 */
public final class WebhookDelivery implements Delivery {

    private final URI url;
    private final byte[] key;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpPost post = new HttpPost();

    public WebhookDelivery(URI url, String secret, JsonMapper json, Clock clock) {
        this.url = url;
        this.key = secret.startsWith("whsec_")
                ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
                : secret.getBytes(StandardCharsets.UTF_8);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public void deliver(Notice notice) throws Failed {
        long timestamp = clock.instant().getEpochSecond();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("type", notice.kind().word());
        payload.put("timestamp", clock.instant().toString());
        var data = new LinkedHashMap<String, Object>(notice.fields());
        data.put("subject", notice.subject());
        payload.put("data", data);
        String body = json.writeValueAsString(payload);
        post.send(
                url,
                Map.of(
                        "webhook-id", notice.key(),
                        "webhook-timestamp", Long.toString(timestamp),
                        "webhook-signature", "v1," + sign(notice.key(), timestamp, body)),
                body);
    }

    String sign(String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }
}
