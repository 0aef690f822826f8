package dev.baton.adapter.api;

import dev.baton.core.agreement.AgreementVersion;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** An agreement version as the API shows it. */
record VersionView(
        int number,
        String name,
        String status,
        String author,
        Instant createdAt,
        @Nullable String note,
        List<ApprovalView> approvals,
        @Nullable Instant activatedAt,
        @Nullable String activatedBy,
        String source) {

    record ApprovalView(
            String side,
            String approver,
            Instant at,
            @Nullable String comment) {}

    static VersionView of(AgreementVersion version) {
        return new VersionView(
                version.number(),
                version.name(),
                version.status().name().toLowerCase(Locale.ROOT),
                version.author(),
                version.createdAt(),
                version.note().orElse(null),
                version.approvals().stream()
                        .map(a -> new ApprovalView(
                                a.side().word(),
                                a.approver(),
                                a.at(),
                                a.comment().orElse(null)))
                        .toList(),
                version.activatedAt().orElse(null),
                version.activatedBy().orElse(null),
                "/api/v1/agreements/" + version.number() + "/source");
    }
}
