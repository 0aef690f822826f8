package dev.baton.adapter.security;

import dev.baton.core.lead.Text;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses what no endpoint can read, before any does: a query string that is not UTF-8 or holds control characters
 * (400, naming the parameter), and a body whose Content-Type names no one media type — a wildcard such as
 * {@code *}{@code /*}, a form, multipart or URL-encoded (Baton takes none: JSON, YAML and CSV come as the body itself),
 * or text that is no media type (415).
 */
public final class MalformedRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Map.Entry<String, String>> badParameter =
                Optional.ofNullable(request.getQueryString()).flatMap(MalformedRequestFilter::queryProblem);
        if (badParameter.isPresent()) {
            ProblemResponses.invalidParameter(
                    request,
                    response,
                    badParameter.get().getKey(),
                    badParameter.get().getValue());
            return;
        }
        Optional<String> badType = Optional.ofNullable(request.getHeader("Content-Type"))
                .filter(type -> !type.isBlank())
                .flatMap(MalformedRequestFilter::contentTypeProblem);
        if (badType.isPresent()) {
            ProblemResponses.write(
                    request, response, 415, "unsupported-media-type", "Unsupported Media Type", badType.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The first parameter that is not percent-encoded UTF-8 text Baton can keep, and what is wrong with it. */
    static Optional<Map.Entry<String, String>> queryProblem(String query) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            Optional<String> name = decode(rawName);
            String shown = name.orElse(rawName);
            if (name.isEmpty()) {
                return Optional.of(Map.entry(shown, "the parameter name '" + rawName + "' is not UTF-8 text"));
            }
            Optional<String> nameProblem = Text.problem(name.get()).or(() -> control(name.get()));
            if (nameProblem.isPresent()) {
                return Optional.of(Map.entry("", "a parameter name " + nameProblem.get()));
            }
            if (equals >= 0) {
                Optional<String> value = decode(pair.substring(equals + 1));
                if (value.isEmpty()) {
                    return Optional.of(Map.entry(shown, "parameter " + shown + " is not percent-encoded UTF-8 text"));
                }
                Optional<String> valueProblem = Text.problem(value.get()).or(() -> control(value.get()));
                if (valueProblem.isPresent()) {
                    return Optional.of(Map.entry(shown, "parameter " + shown + " " + valueProblem.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> control(String text) {
        return text.chars().anyMatch(Character::isISOControl)
                ? Optional.of("holds control characters")
                : Optional.empty();
    }

    /** The text of a query-string part: + is a space, %XX a byte, the bytes UTF-8; empty when it is not. */
    private static Optional<String> decode(String part) {
        var bytes = ByteBuffer.allocate(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(part.charAt(i + 1), 16);
                int low = Character.digit(part.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c <= 0xFF) {
                // the container hands over the query string's bytes as ISO-8859-1 characters
                bytes.put((byte) c);
            } else {
                return Optional.empty();
            }
        }
        bytes.flip();
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static Optional<String> contentTypeProblem(String header) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return Optional.of("Content-Type '" + header + "' is not a media type; send application/json, "
                    + "application/yaml or text/csv as the endpoint takes");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return Optional.of("Content-Type '" + header + "' names no one media type; send application/json, "
                    + "application/yaml or text/csv as the endpoint takes");
        }
        if (type.getType().equals("multipart") || type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            return Optional.of("Baton takes no forms (" + type.getType() + "/" + type.getSubtype()
                    + "): send the JSON, YAML or CSV as the body itself, with its own Content-Type");
        }
        return Optional.empty();
    }
}
