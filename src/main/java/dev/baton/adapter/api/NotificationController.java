package dev.baton.adapter.api;

import dev.baton.core.access.Actor;
import dev.baton.core.access.Audit;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.Outbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notices in the outbox: what was delivered, what waits, and the dead letter, with a retry for the dead. */
@RestController
@RequestMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifications", description = "Notices to Slack, email and webhooks, delivered from the outbox")
class NotificationController {

    private static final Logger log = LoggerFactory.getLogger(NotificationController.class);
    private static final int MOST = 1000;

    private final Outbox outbox;
    private final Clock clock;
    private final Audit audit;

    NotificationController(Outbox outbox, Clock clock, Audit audit) {
        this.outbox = outbox;
        this.clock = clock;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The newest notices, of one state (pending, delivered, dead) or all")
    List<NoticeView> list(
            @RequestParam(required = false) @Nullable String state, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MOST) {
            throw new BatonException.Invalid("limit", "limit must be a whole number from 1 to " + MOST);
        }
        Optional<Outbox.State> wanted = Optional.ofNullable(state).map(NotificationController::state);
        return outbox.list(wanted, limit).stream().map(NoticeView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One notice, with its attempts and last error")
    NoticeView notice(@PathVariable long id) {
        return outbox.find(id).map(NoticeView::of).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Deliver a dead notice again, at once, with the same webhook-id (409 when it is not dead)")
    NoticeView retry(Actor actor, @PathVariable long id) {
        Outbox.Entry entry = outbox.find(id).orElseThrow(() -> notFound(id));
        boolean retried = audit.record(
                actor,
                "notice.retried",
                "notice/" + id,
                () -> Map.of("state", entry.state().name().toLowerCase(Locale.ROOT)),
                () -> outbox.retry(id, clock.instant()),
                done -> Map.of("state", done ? "pending" : entry.state().name().toLowerCase(Locale.ROOT)));
        if (!retried) {
            throw new BatonException.Conflict("notice " + id + " is "
                    + entry.state().name().toLowerCase(Locale.ROOT) + "; only dead notices are retried");
        }
        log.info(
                "Notice {} ({}) to {} retried by {}",
                id,
                entry.notice().key(),
                entry.notice().recipient(),
                actor.name());
        return outbox.find(id).map(NoticeView::of).orElseThrow(() -> notFound(id));
    }

    private static Outbox.State state(String text) {
        for (Outbox.State state : Outbox.State.values()) {
            if (state.name().equalsIgnoreCase(text.strip())) {
                return state;
            }
        }
        throw new BatonException.Invalid("state", "state must be pending, delivered or dead, not '" + text + "'");
    }

    private static BatonException.NotFound notFound(long id) {
        return new BatonException.NotFound("there is no notice " + id);
    }

    /** Who asks for the retry, for the log; optional. */
    /** A notice as the API shows it. */
    record NoticeView(
            long id,
            String key,
            String kind,
            String channel,
            String recipient,
            @Nullable Long leadId,
            String subject,
            String state,
            int attempts,
            Instant createdAt,
            Instant nextAttemptAt,
            @Nullable String lastError,
            @Nullable Instant deliveredAt) {
        static NoticeView of(Outbox.Entry entry) {
            return new NoticeView(
                    entry.id(),
                    entry.notice().key(),
                    entry.notice().kind().word(),
                    entry.notice().channel().word(),
                    entry.notice().recipient(),
                    entry.notice().leadId().orElse(null),
                    entry.notice().subject(),
                    entry.state().name().toLowerCase(Locale.ROOT),
                    entry.attempts(),
                    entry.createdAt(),
                    entry.nextAttemptAt(),
                    entry.lastError().orElse(null),
                    entry.deliveredAt().orElse(null));
        }
    }
}
