package dev.baton.adapter.security;

import dev.baton.core.lead.Text;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a page's parameter — in the query or in a sent form — that holds what no text Baton keeps can hold (a NUL
 * character, half of a surrogate pair), with 400 naming it, before a page passes it on to the database. Line breaks
 * and tabs are text like any other here: a form's text areas hold them.
 */
public final class PageInputFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Map.Entry<String, String>> bad = problem(request.getParameterMap());
        if (bad.isPresent()) {
            ProblemResponses.invalidParameter(
                    request, response, bad.get().getKey(), bad.get().getValue());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The first parameter that is no text Baton can keep, and what is wrong with it. */
    static Optional<Map.Entry<String, String>> problem(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            Optional<String> wrongName = Text.problem(name);
            if (wrongName.isPresent()) {
                return Optional.of(Map.entry("", "a parameter name " + wrongName.get()));
            }
            for (String value : parameter.getValue()) {
                Optional<String> wrong = Text.problem(value);
                if (wrong.isPresent()) {
                    return Optional.of(Map.entry(name, name + " " + wrong.get()));
                }
            }
        }
        return Optional.empty();
    }
}
