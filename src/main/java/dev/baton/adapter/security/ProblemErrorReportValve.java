package dev.baton.adapter.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web server's own refusals — a request line it cannot parse, a URI with a character no path may hold — as RFC
 * 9457 problems, like every other error of Baton's, instead of an HTML page.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var io = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
        if (!io.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", ProblemResponses.TYPES + (status < 500 ? "malformed-request" : "server-error"));
        problem.put("title", title);
        problem.put("status", status);
        problem.put(
                "detail",
                status < 500
                        ? "the request could not be read as HTTP: its request line, path or headers hold characters"
                                + " they may not"
                        : "the server could not answer the request");
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            container.getLogger().debug("could not write the problem for status " + status, e);
        }
    }
}
