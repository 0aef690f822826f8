package dev.baton.adapter.api;

import dev.baton.core.access.Actor;
import dev.baton.core.access.Audit;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.Escalations;
import dev.baton.core.metrics.ReviewItem;
import dev.baton.core.metrics.ReviewStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reviews the agreement's program escalations open when a shared number slips, and their closing. */
@RestController
@RequestMapping(path = "/api/v1/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reviews", description = "Review items opened by program escalations")
class ReviewController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReviewController.class);
    private static final int MOST = 1000;

    private final Escalations escalations;
    private final ReviewStore reviews;

    private final Audit audit;

    ReviewController(Escalations escalations, ReviewStore reviews, Audit audit) {
        this.escalations = escalations;
        this.reviews = reviews;
        this.audit = audit;
    }

    /** A month's figure and the line it crossed. */
    record FigureView(String month, double value, double line) {}

    /** A review item. */
    record ReviewView(
            long id,
            String escalation,
            String tripped,
            String metric,
            String action,
            LocalDate from,
            LocalDate to,
            List<FigureView> figures,
            Map<String, String> owners,
            String state,
            Instant openedAt,
            @Nullable Instant closedAt,
            @Nullable String closedBy,
            @Nullable String note,
            String metricLink) {
        static ReviewView of(ReviewItem review) {
            return new ReviewView(
                    review.id(),
                    review.escalation(),
                    review.tripped(),
                    review.metric().id(),
                    review.action(),
                    review.from(),
                    review.to(),
                    review.figures().stream()
                            .map(f -> new FigureView(f.month(), f.value(), f.line()))
                            .toList(),
                    review.owners(),
                    review.state().name().toLowerCase(Locale.ROOT),
                    review.openedAt(),
                    review.closedAt().orElse(null),
                    review.closedBy().orElse(null),
                    review.note().orElse(null),
                    "/api/v1/metrics/" + review.metric().id() + "?from=" + review.from() + "&to=" + review.to()
                            + "&by=month");
        }
    }

    /** Closing a review: why. */
    record CloseRequest(@Nullable String note) {}

    @GetMapping
    @Operation(summary = "The newest review items, open or closed or all")
    List<ReviewView> list(
            @RequestParam(required = false) @Nullable String state, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MOST) {
            throw new BatonException.Invalid("limit", "limit must be a whole number from 1 to " + MOST);
        }
        Optional<ReviewItem.State> wanted = Optional.ofNullable(state).map(ReviewController::state);
        return reviews.list(wanted, limit).stream().map(ReviewView::of).toList();
    }

    @PostMapping
    @Operation(
            summary = "Evaluate the agreement's escalations now (they also run every hour); answers the reviews"
                    + " this opened, none when nothing tripped or every tripped trigger has its review already")
    List<ReviewView> evaluate(Actor actor) {
        List<ReviewView> opened =
                escalations.evaluate().stream().map(ReviewView::of).toList();
        log.info("Escalations evaluated on demand by {}: {} review(s) opened", actor.name(), opened.size());
        return opened;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One review item, with its figures and owners")
    ReviewView review(@PathVariable long id) {
        return reviews.find(id)
                .map(ReviewView::of)
                .orElseThrow(() -> new BatonException.NotFound("there is no review " + id));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close an open review with a note saying why (409 when it is closed already)")
    ReviewView close(Actor actor, @PathVariable long id, @RequestBody @Nullable CloseRequest body) {
        String note = body == null || body.note() == null ? "" : body.note();
        return ReviewView.of(audit.record(
                actor,
                "review.closed",
                "review/" + id,
                () -> Map.of("state", "open"),
                () -> escalations.close(id, actor.name(), note),
                closed -> Map.of("state", "closed", "note", note)));
    }

    private static ReviewItem.State state(String text) {
        for (ReviewItem.State state : ReviewItem.State.values()) {
            if (state.name().equalsIgnoreCase(text.strip())) {
                return state;
            }
        }
        throw new BatonException.Invalid("state", "state is open or closed, not '" + text + "'");
    }
}
