package dev.baton.adapter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A running Baton and the token to reach it: the options and the HTTP of the commands that talk to one. */
final class Remote {

    static final int UNREACHABLE = 2;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(
            names = "--url",
            defaultValue = "http://localhost:8080",
            description = "where Baton runs (default ${DEFAULT-VALUE})")
    String url = "http://localhost:8080";

    @Option(
            names = "--token",
            defaultValue = "${env:BATON_API_TOKEN}",
            description = "the API token (default: the environment's BATON_API_TOKEN)")
    @Nullable
    String token;

    HttpRequest.Builder request(String pathAndQuery) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        // the audit trail records changes the command line makes as coming from it
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("X-Baton-Client", "cli");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.strip());
        }
        return request;
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
        try {
            return HTTP.send(request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** What a command does with the body of a 200. */
    interface Printer {
        void print(String body);
    }

    /** Exit code of a report Baton refused: 1 (2 for a wrong token, as when it cannot be reached). */
    static final int REFUSED = 1;

    /**
     * GETs a path of a running Baton and hands the body of a 200 to the printer; otherwise says why, on err. Returns
     * the command's exit code: 0, {@link #REFUSED}, or {@link #UNREACHABLE}.
     */
    int get(String path, String accept, PrintWriter err, Printer printer) {
        HttpResponse<String> response;
        try {
            response = send(request(path).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return unreachable(e, err);
        }
        if (response.statusCode() != 200) {
            int status = refused(response.statusCode(), response.body(), err);
            return response.statusCode() == 401 ? status : REFUSED;
        }
        printer.print(response.body());
        return 0;
    }

    /**
     * Sends a JSON body to a running Baton and hands the body of a 2xx to the printer; otherwise says why, on err.
     * Returns the command's exit code as {@link #get} does.
     */
    int send(String method, String path, String json, PrintWriter err, Printer printer) {
        return send(method, path, "application/json", json, err, printer);
    }

    /** As {@link #send(String, String, String, PrintWriter, Printer)}, with a body of another type. */
    int send(String method, String path, String type, String body, PrintWriter err, Printer printer) {
        HttpResponse<String> response;
        try {
            response = send(
                    request(path)
                            .header("Content-Type", type)
                            .header("Accept", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return unreachable(e, err);
        }
        if (response.statusCode() / 100 != 2) {
            int status = refused(response.statusCode(), response.body(), err);
            return response.statusCode() == 401 ? status : REFUSED;
        }
        printer.print(response.body());
        return 0;
    }

    /** Says why Baton cannot be reached. */
    int unreachable(IOException e, PrintWriter err) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("cannot reach Baton at " + url + ": " + reason);
        return UNREACHABLE;
    }

    /** Says what Baton answered to a request it refused, from its problem body. */
    static int refused(int status, String body, PrintWriter err) {
        if (status == 401) {
            err.println("Baton refused the token: set BATON_API_TOKEN or pass --token");
            return UNREACHABLE;
        }
        String detail = json(body).path("detail").asString("");
        err.println("Baton answered " + status + (detail.isEmpty() ? "" : ": " + detail));
        return UNREACHABLE;
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }
}
