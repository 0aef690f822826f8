package dev.baton.adapter.notification;

import dev.baton.core.notification.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A JSON POST to a receiver that answers 2xx when it took the message; anything else is a failed delivery. */
final class HttpPost {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    void send(URI url, Map<String, String> headers, String body) throws Delivery.Failed {
        var request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                String said = answer.body();
                throw new Delivery.Failed("HTTP " + answer.statusCode() + " from " + url.getHost()
                        + (said.isBlank() ? "" : ": " + said.substring(0, Math.min(200, said.length()))));
            }
        } catch (IOException e) {
            throw new Delivery.Failed("could not reach " + url.getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Delivery.Failed("interrupted while delivering to " + url.getHost(), e);
        }
    }
}
