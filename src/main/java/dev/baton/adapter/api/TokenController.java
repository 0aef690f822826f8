package dev.baton.adapter.api;

import dev.baton.core.access.Actor;
import dev.baton.core.access.ApiToken;
import dev.baton.core.access.ApiTokens;
import dev.baton.core.access.Scope;
import dev.baton.core.engine.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API tokens for integrations: made by an admin, shown once, revocable. */
@RestController
@RequestMapping(path = "/api/v1/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "API tokens", description = "Tokens for integrations: scopes, expiry, rate limit, revocation")
class TokenController {

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** A token as lists show it: never its secret. */
    record TokenView(
            long id,
            String name,
            String owner,
            List<String> scopes,
            String prefix,
            Instant createdAt,
            String createdBy,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt,
            @Nullable Integer requestsPerMinute) {
        static TokenView of(ApiToken token) {
            return new TokenView(
                    token.id(),
                    token.name(),
                    token.owner(),
                    token.scopes().stream().sorted().map(Scope::word).toList(),
                    token.prefix(),
                    token.createdAt(),
                    token.createdBy(),
                    token.expiresAt().orElse(null),
                    token.revokedAt().orElse(null),
                    token.lastUsedAt().orElse(null),
                    token.requestsPerMinute().isPresent()
                            ? token.requestsPerMinute().getAsInt()
                            : null);
        }
    }

    /** A token just made: {@code token} is its secret, shown this once and never again. */
    record CreatedView(String token, TokenView details) {}

    record NewToken(
            @Nullable String name,
            @Nullable String owner,
            @Nullable List<String> scopes,
            @Nullable Instant expiresAt,
            @Nullable Integer requestsPerMinute) {}

    @GetMapping
    @Operation(summary = "Every token, revoked ones too, with when each was last used")
    List<TokenView> list() {
        return tokens.all().stream().map(TokenView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One token")
    TokenView token(@PathVariable long id) {
        return TokenView.of(tokens.token(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Make a token that acts as a user within its scopes; the answer holds the secret, shown only"
                    + " this once",
            responses = @ApiResponse(responseCode = "201", description = "The token was made"))
    ResponseEntity<CreatedView> create(Actor actor, @RequestBody NewToken body) {
        if (body.name() == null || body.name().isBlank()) {
            throw new BadRequest("name", "name is required: what the token is for, such as 'website forms'");
        }
        String owner = body.owner() == null || body.owner().isBlank() ? actor.name() : body.owner();
        if (body.scopes() == null || body.scopes().isEmpty()) {
            throw new BadRequest("scopes", "scopes is required: one or more of " + Scope.words());
        }
        var scopes = EnumSet.noneOf(Scope.class);
        for (String word : body.scopes()) {
            scopes.add(Scope.of(word == null ? "" : word)
                    .orElseThrow(() -> new BatonException.Invalid(
                            "scopes", "'" + word + "' is not a scope; the scopes are " + Scope.words())));
        }
        ApiTokens.Created created = tokens.create(
                actor,
                body.name(),
                owner,
                scopes,
                Optional.ofNullable(body.expiresAt()),
                body.requestsPerMinute() == null ? OptionalInt.empty() : OptionalInt.of(body.requestsPerMinute()));
        return ResponseEntity.created(
                        URI.create("/api/v1/tokens/" + created.token().id()))
                .body(new CreatedView(created.secret(), TokenView.of(created.token())));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token: it stops working at once; revoking it again changes nothing")
    TokenView revoke(Actor actor, @PathVariable long id) {
        return TokenView.of(tokens.revoke(actor, id));
    }
}
