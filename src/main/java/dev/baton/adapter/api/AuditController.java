package dev.baton.adapter.api;

import dev.baton.core.access.Audit;
import dev.baton.core.access.AuditEntry;
import dev.baton.core.access.Source;
import dev.baton.core.engine.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, searchable by admins. */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "Every change, who made it, when, through what, with the state before and after")
class AuditController {

    private final Audit audit;

    AuditController(Audit audit) {
        this.audit = audit;
    }

    /** A page of entries, newest first; {@code next} is the cursor of the page after, when there is one. */
    record Page(List<EntryView> entries, @Nullable String next) {}

    /** An entry as the API shows it: the source as a word (web, api, token, cli, signed, system). */
    record EntryView(
            long id,
            Instant at,
            String actor,
            String source,
            String via,
            String action,
            String subject,
            java.util.Map<String, String> before,
            java.util.Map<String, String> after) {
        static EntryView of(AuditEntry entry) {
            return new EntryView(
                    entry.id(),
                    entry.at(),
                    entry.actor(),
                    entry.source().word(),
                    entry.via(),
                    entry.action(),
                    entry.subject(),
                    new java.util.TreeMap<>(entry.before()),
                    new java.util.TreeMap<>(entry.after()));
        }
    }

    @GetMapping
    @Operation(
            summary = "Search the audit trail, newest first: by actor, action (lead.rejected, or lead for every lead"
                    + " action), subject (lead/42, user/ana@acme.example, agreement/3), source, and time")
    Page search(
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable Instant since,
            @RequestParam(required = false) @Nullable Instant until,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        int size = QueryParams.limit(limit, 100);
        Optional<Long> before = QueryParams.text("cursor", cursor).map(text -> {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw QueryParams.badCursor();
            }
        });
        Optional<Source> from = QueryParams.text("source", source)
                .map(text -> Arrays.stream(Source.values())
                        .filter(s -> s.word().equals(text.toLowerCase(Locale.ROOT)))
                        .findFirst()
                        .orElseThrow(() -> new BatonException.Invalid(
                                "source",
                                "source is one of web, api, token, cli, signed, system; not '" + text + "'")));
        List<AuditEntry> entries = audit.search(new AuditEntry.Query(
                QueryParams.text("actor", actor),
                QueryParams.text("action", action),
                QueryParams.text("subject", subject),
                from,
                Optional.ofNullable(since),
                Optional.ofNullable(until),
                before,
                size + 1));
        boolean more = entries.size() > size;
        List<AuditEntry> page = more ? entries.subList(0, size) : entries;
        return new Page(
                page.stream().map(EntryView::of).toList(),
                more ? Long.toString(page.get(page.size() - 1).id()) : null);
    }
}
