package dev.baton.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenID Connect provider on a local port, speaking the documented formats: the discovery document, its signing
 * key as a JWK set, the authorization endpoint of the authorization-code flow (which, instead of asking who is there,
 * signs in whoever the test said is next) and the token endpoint, which answers a code once with an access token and
 * an RS256-signed ID token.
 */
public final class FakeIdentityProvider implements AutoCloseable {

    /** Someone the provider vouches for, with the claims it sends about them. */
    public record Person(String subject, String email, String name, List<String> groups) {}

    /** What an authorization code was given for, kept until the client redeems it. */
    private record Grant(
            Person person,
            String clientId,
            String redirectUri,
            @Nullable String nonce,
            @Nullable String challenge) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final HttpServer server;
    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final RSAKey key;
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<@Nullable Person> next = new AtomicReference<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    private FakeIdentityProvider(String clientId, String clientSecret) throws IOException, JOSEException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.key = new RSAKeyGenerator(2048)
                .keyID("test-key")
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.issuer = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/realm";
        server.createContext("/realm/.well-known/openid-configuration", this::discovery);
        server.createContext("/realm/jwks", this::jwks);
        server.createContext("/realm/authorize", this::authorize);
        server.createContext("/realm/token", this::token);
        server.start();
    }

    /** A provider that knows one client, by its id and secret. */
    public static FakeIdentityProvider start(String clientId, String clientSecret) {
        try {
            return new FakeIdentityProvider(clientId, clientSecret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** Who is signed in at the provider when the next browser reaches its authorization endpoint. */
    public void signsInNext(Person person) {
        next.set(person);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        var document = new LinkedHashMap<String, Object>();
        document.put("issuer", issuer);
        document.put("authorization_endpoint", issuer + "/authorize");
        document.put("token_endpoint", issuer + "/token");
        document.put("jwks_uri", issuer + "/jwks");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("scopes_supported", List.of("openid", "email", "profile"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        json(exchange, 200, document);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** The front channel: the browser arrives with the client's request and is sent back with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        Person person = next.getAndSet(null);
        String redirectUri = query.get("redirect_uri");
        if (!clientId.equals(query.get("client_id")) || redirectUri == null) {
            text(exchange, 400, "unknown client or no redirect_uri");
            return;
        }
        if (person == null) {
            text(exchange, 400, "nobody is signed in at the identity provider");
            return;
        }
        var back = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        if (!"code".equals(query.get("response_type"))
                || !List.of(query.getOrDefault("scope", "").split(" ")).contains("openid")) {
            back.append("error=invalid_request");
        } else {
            String code = randomText();
            grants.put(code, new Grant(person, clientId, redirectUri, query.get("nonce"), query.get("code_challenge")));
            back.append("code=").append(code);
        }
        if (query.containsKey("state")) {
            back.append("&state=").append(URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().set("Location", back.toString());
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** The back channel: the client redeems a code, once, with its credentials. */
    private void token(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            text(exchange, 405, "POST only");
            return;
        }
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!authenticated(exchange.getRequestHeaders().getFirst("Authorization"), body)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"token\"");
            json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        if (!"authorization_code".equals(body.get("grant_type"))) {
            json(exchange, 400, Map.of("error", "unsupported_grant_type"));
            return;
        }
        Grant grant = body.containsKey("code") ? grants.remove(body.get("code")) : null;
        if (grant == null
                || !grant.redirectUri().equals(body.get("redirect_uri"))
                || !proves(grant.challenge(), body.get("code_verifier"))) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        json(
                exchange,
                200,
                Map.of(
                        "access_token", randomText(),
                        "token_type", "Bearer",
                        "expires_in", TOKEN_LIFETIME.toSeconds(),
                        "scope", "openid email profile",
                        "id_token", idToken(grant)));
    }

    private boolean authenticated(@Nullable String authorization, Map<String, String> body) {
        if (authorization != null && authorization.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon > 0
                    && clientId.equals(URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8))
                    && clientSecret.equals(URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8));
        }
        return clientId.equals(body.get("client_id")) && clientSecret.equals(body.get("client_secret"));
    }

    /** PKCE (RFC 7636, S256): a code asked for with a challenge is only given for its verifier. */
    private static boolean proves(@Nullable String challenge, @Nullable String verifier) {
        if (challenge == null) {
            return true;
        }
        if (verifier == null) {
            return false;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return challenge.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String idToken(Grant grant) {
        // the client checks exp and iat against its own system clock, not Baton's settable one
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(grant.person().subject())
                .audience(grant.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .claim("email", grant.person().email())
                .claim("email_verified", true)
                .claim("name", grant.person().name())
                .claim("groups", grant.person().groups());
        Optional.ofNullable(grant.nonce()).ifPresent(nonce -> claims.claim("nonce", nonce));
        var token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    private String randomText() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The pairs of a query string or a form body, decoded. */
    public static Map<String, String> form(@Nullable String encoded) {
        var pairs = new LinkedHashMap<String, String>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return pairs;
    }

    /** The pairs of a URI's query, decoded. */
    public static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery());
    }

    private static void json(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] body = JSON.writeValueAsBytes(value);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain;charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
