package dev.baton.adapter.security;

import dev.baton.core.access.Actor;
import dev.baton.core.access.Scope;
import dev.baton.core.access.Source;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.OptionalInt;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Event intake signed instead of sent with a token, as the Standard Webhooks specification signs: the sender puts
 * {@code webhook-id}, {@code webhook-timestamp} (seconds since the epoch) and {@code webhook-signature}
 * ({@code v1,<base64 of HMAC-SHA256 over id.timestamp.body>}, several separated by spaces while a secret is rotated)
 * on the request. A good signature within five minutes of Baton's clock authenticates the request for sending events
 * in, and nothing else.
 */
public final class SignedIntakeFilter extends OncePerRequestFilter {

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";

    /** The actor of a signed request: an integration that may only send events in. */
    public static final Actor SIGNED = new Actor(
            "signed-intake",
            EnumSet.noneOf(dev.baton.core.access.Role.class),
            EnumSet.of(Scope.INGEST),
            Source.SIGNED,
            "intake secret");

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final RequestMatcher intake;
    private final byte @Nullable [] key;
    private final long maxBytes;
    private final Clock clock;
    private final AuthenticationEntryPoint refusal;

    public SignedIntakeFilter(
            RequestMatcher intake,
            @Nullable String secret,
            long maxBytes,
            Clock clock,
            AuthenticationEntryPoint refusal) {
        this.intake = intake;
        this.key = secret == null || secret.isBlank() ? null : key(secret.strip());
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.refusal = refusal;
    }

    /** A secret as {@code whsec_<base64>}, as Standard Webhooks libraries make them, or as plain text. */
    static byte[] key(String secret) {
        return secret.startsWith("whsec_")
                ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
                : secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(SIGNATURE) == null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || !intake.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (key == null) {
            refuse(request, response, "signed intake is off: set BATON_API_INGEST_SECRET, or send a token");
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            ProblemResponses.tooLarge(request, response, maxBytes);
            return;
        }
        byte[] body = read(request.getInputStream());
        if (body == null) {
            ProblemResponses.tooLarge(request, response, maxBytes);
            return;
        }
        String problem = problem(request, body);
        if (problem != null) {
            refuse(request, response, problem);
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(SIGNED, "signed", OptionalInt.empty()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(new Read(request, body), response);
    }

    /** What is wrong with the signature, or null when it is good. */
    private @Nullable String problem(HttpServletRequest request, byte[] body) {
        String id = request.getHeader(ID);
        String timestamp = request.getHeader(TIMESTAMP);
        if (id == null || id.isBlank() || timestamp == null) {
            return "a signed request carries webhook-id, webhook-timestamp and webhook-signature";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return "webhook-timestamp is seconds since the epoch, not '" + timestamp + "'";
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > TOLERANCE.toSeconds()) {
            return "webhook-timestamp is more than five minutes from Baton's clock: sign each request as it is sent";
        }
        byte[] expected = sign(id + "." + timestamp.strip() + ".", body);
        for (String candidate : request.getHeader(SIGNATURE).strip().split(" +")) {
            if (candidate.startsWith("v1,") && matches(expected, candidate.substring(3))) {
                return null;
            }
        }
        return "webhook-signature does not match the body: sign id.timestamp.body with the intake secret";
    }

    private static boolean matches(byte[] expected, String base64) {
        try {
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] sign(String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException, ServletException {
        SecurityContextHolder.clearContext();
        refusal.commence(request, response, new BadCredentialsException(reason));
    }

    /** The body, or null when it is longer than allowed. */
    private byte @Nullable [] read(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > maxBytes) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The request with its body read once, handed on for the controller to read again. */
    private static final class Read extends HttpServletRequestWrapper {
        private final byte[] body;

        Read(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is read already");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
