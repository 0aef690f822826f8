package dev.baton.adapter.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem bodies for the refusals made before a request reaches a controller: no or a wrong token (401), a
 * path or parameter spelled ambiguously (400), a role or scope that does not allow it (403), a body too large (413), too
 * many requests (429).
 */
public final class ProblemResponses {

    /** Where every problem type of Baton's lives; a type is this and a word. */
    public static final String TYPES = "https://baton.dev/problems/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {}

    /** The answer to a request without a valid API token; a token that was sent but is wrong is said so (RFC 6750). */
    public static void unauthorized(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        boolean presented = request.getHeader("Authorization") != null;
        response.setHeader(
                "WWW-Authenticate", "Bearer realm=\"baton\"" + (presented ? ", error=\"invalid_token\"" : ""));
        write(request, response, 401, "unauthorized", "Unauthorized", reason.getMessage());
    }

    /** The firewall's answer to a path or parameter that could be read more than one way. */
    public static void rejected(
            HttpServletRequest request, HttpServletResponse response, RequestRejectedException reason)
            throws IOException {
        write(
                request,
                response,
                400,
                "rejected-request",
                "Request refused",
                reason.getMessage()
                        + "; Baton refuses paths with encoded slashes or periods, dot segments, ';' parameters,"
                        + " backslashes or control characters, and parameters or headers with control characters");
    }

    /** 429 with the wait, in whole seconds rounded up, as {@code Retry-After}. */
    public static void tooManyRequests(
            HttpServletRequest request, HttpServletResponse response, java.time.Duration wait, String detail)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfter(wait)));
        write(request, response, 429, "too-many-requests", "Too many requests", detail);
    }

    /** A wait in whole seconds, at least one. */
    public static long retryAfter(java.time.Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** 403, with the access policy's reason. */
    public static void forbidden(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        write(request, response, 403, "forbidden", "Forbidden", reason);
    }

    static void tooLarge(HttpServletRequest request, HttpServletResponse response, long maxBytes) throws IOException {
        write(
                request,
                response,
                413,
                "too-large",
                "Payload too large",
                "the request body is larger than " + maxBytes + " bytes; send events in batches of at most 1000, and"
                        + " CSV files to /api/v1/imports, which streams them");
    }

    /** 400: a request parameter that cannot be read, naming it. */
    static void invalidParameter(HttpServletRequest request, HttpServletResponse response, String field, String message)
            throws IOException {
        write(
                request,
                response,
                400,
                "invalid-request",
                "Invalid request",
                message,
                List.of(Map.of("field", field, "message", message)));
    }

    static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String type,
            String title,
            String detail)
            throws IOException {
        write(request, response, status, type, title, detail, List.of());
    }

    static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String type,
            String title,
            String detail,
            List<Map<String, String>> errors)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", TYPES + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        byte[] body = JSON.writeValueAsBytes(problem);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        // a known length lets the client read the whole answer even when the server then closes the connection
        // rather than read the rest of a body it refused
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
