package dev.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Talking to whole Baton instances started by a test: their port, authorised requests, activation, counting rows. */
public final class Instances {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Instances() {}

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static HttpResponse<String> post(int port, String token, String path, String type, String body)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Stores an agreement, has marketing and sales approve it, and activates it. */
    public static void activate(int port, String token, String agreement) throws Exception {
        HttpResponse<String> created = post(port, token, "/api/v1/agreements", "application/yaml", agreement);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String number = created.body().replaceAll("(?s).*\"number\":(\\d+).*", "$1");
        Signers.signAndActivate("http://localhost:" + port, token, Integer.parseInt(number));
    }

    public static long count(Connection db, String sql) {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
