package dev.baton.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two people who sign an agreement draft on a Baton started by a test or a benchmark: a marketer and a sales
 * manager, added (once) with the bootstrap token, each signing with a token of their own, since one person may not
 * give both approvals.
 */
public final class Signers {

    public static final String MARKETER = "m@x.example";
    public static final String SALES_MANAGER = "s@x.example";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Signers() {}

    /** Signs version {@code number} for both sides and activates it with the bootstrap token. */
    public static void signAndActivate(String baseUrl, String bootstrap, int number) throws IOException {
        sign(baseUrl, bootstrap, number, MARKETER, "marketing", "marketing");
        sign(baseUrl, bootstrap, number, SALES_MANAGER, "sales_manager", "sales");
        HttpResponse<String> active = send(baseUrl, bootstrap, "/api/v1/agreements/" + number + "/activation", "{}");
        if (active.statusCode() != 200) {
            throw new IllegalStateException("could not activate version " + number + ": " + active.body());
        }
    }

    private static void sign(String baseUrl, String bootstrap, int number, String email, String role, String side)
            throws IOException {
        HttpResponse<String> user =
                send(baseUrl, bootstrap, "/api/v1/users", "{\"email\":\"" + email + "\",\"roles\":[\"" + role + "\"]}");
        if (user.statusCode() != 201 && user.statusCode() != 409) {
            throw new IllegalStateException("could not add " + email + ": " + user.body());
        }
        HttpResponse<String> token = send(
                baseUrl,
                bootstrap,
                "/api/v1/tokens",
                "{\"name\":\"signing\",\"owner\":\"" + email + "\",\"scopes\":[\"write\"]}");
        if (token.statusCode() != 201) {
            throw new IllegalStateException("could not make a token for " + email + ": " + token.body());
        }
        String secret = JSON.readTree(token.body()).get("token").asString();
        HttpResponse<String> signed =
                send(baseUrl, secret, "/api/v1/agreements/" + number + "/approvals", "{\"side\":\"" + side + "\"}");
        if (signed.statusCode() != 200) {
            throw new IllegalStateException("could not sign version " + number + " for " + side + ": " + signed.body());
        }
    }

    private static HttpResponse<String> send(String baseUrl, String token, String path, String json)
            throws IOException {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
