package dev.baton.core.agreement;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One stored version of the agreement: its immutable source and who wrote it, plus the sign-offs and activation
 * that happened to it since.
 */
public record AgreementVersion(
        int number,
        String name,
        String source,
        String author,
        Instant createdAt,
        Optional<String> note,
        Status status,
        List<Approval> approvals,
        Optional<Instant> activatedAt,
        Optional<String> activatedBy) {

    /** Where a version stands. */
    public enum Status {
        DRAFT,
        ACTIVE,
        RETIRED
    }

    public AgreementVersion {
        approvals = List.copyOf(approvals);
    }

    public Set<Approval.Side> approvedBy() {
        var sides = EnumSet.noneOf(Approval.Side.class);
        approvals.forEach(a -> sides.add(a.side()));
        return sides;
    }

    /** Why this version may not be approved by this side now; empty when it may. */
    public Optional<String> refuseApproval(Approval.Side side, String approver) {
        if (status != Status.DRAFT) {
            return Optional.of("version " + number + " is " + status.name().toLowerCase(java.util.Locale.ROOT)
                    + "; only drafts are signed");
        }
        for (Approval approval : approvals) {
            if (approval.side() == side) {
                return Optional.of(
                        "version " + number + " is already approved for " + side.word() + " by " + approval.approver());
            }
            if (approval.approver().equalsIgnoreCase(approver)) {
                return Optional.of(approver + " already approved version " + number + " for "
                        + approval.side().word() + "; the other side needs another approver");
            }
        }
        return Optional.empty();
    }

    /** Why this version may not become the active one; empty when it may. */
    public Optional<String> refuseActivation() {
        if (status == Status.ACTIVE) {
            return Optional.of("version " + number + " is already active");
        }
        var missing = EnumSet.allOf(Approval.Side.class);
        missing.removeAll(approvedBy());
        if (!missing.isEmpty()) {
            return Optional.of("version " + number + " needs approval from "
                    + String.join(
                            " and ", missing.stream().map(Approval.Side::word).toList())
                    + " before it can be activated");
        }
        return Optional.empty();
    }
}
