package dev.baton.adapter.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.util.HtmlUtils;

/**
 * A failed sign-in: back to the sign-in page with the reason kept for it to show, or, when the address is throttled,
 * 429 with {@code Retry-After} and a short page saying how long to wait.
 */
public final class SignInFailures implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof PasswordSignIn.Throttled throttled) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(ProblemResponses.retryAfter(throttled.waitFor())));
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream()
                    .write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many sign-in"
                                    + " attempts · Baton</title><link rel=\"stylesheet\" href=\"/css/baton.css\">"
                                    + "</head><body><main class=\"narrow\"><h1>Too many sign-in attempts</h1><p role="
                                    + "\"alert\">" + HtmlUtils.htmlEscape(throttled.getMessage())
                                    + "</p><p><a href=\"/login\">Back to sign-in</a></p></main></body></html>")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
