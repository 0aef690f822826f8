package dev.baton.core.access;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.AgreementVersion;
import dev.baton.core.agreement.Approval;
import dev.baton.core.engine.AgreementService;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Drafting, signing and activating agreement versions by a person, the same from the API and from the agreement page:
 * the role the step takes is checked, the approver is the actor, and each step is audited with the version's status
 * and signatures before and after.
 */
public final class AgreementWork {

    private final AgreementService agreements;
    private final Access access;
    private final Audit audit;

    public AgreementWork(AgreementService agreements, Access access, Audit audit) {
        this.agreements = agreements;
        this.access = access;
        this.audit = audit;
    }

    public AgreementVersion propose(Actor actor, Agreement agreement, String source, Optional<String> note) {
        access.require(actor, Permission.DRAFT_AGREEMENTS);
        return audit.created(
                actor,
                "agreement.drafted",
                () -> agreements.propose(agreement, source, actor.name(), note),
                drafted -> "agreement/" + drafted.number(),
                AgreementWork::state);
    }

    public AgreementVersion approve(Actor actor, int number, Approval.Side side, Optional<String> comment) {
        access.requireApproval(actor, side);
        return audit.record(
                actor,
                "agreement.approved",
                "agreement/" + number,
                () -> state(agreements.version(number)),
                () -> agreements.approve(number, side, actor.name(), comment),
                AgreementWork::state);
    }

    public AgreementVersion activate(Actor actor, int number) {
        access.require(actor, Permission.ACTIVATE_AGREEMENTS);
        return audit.record(
                actor,
                "agreement.activated",
                "agreement/" + number,
                () -> state(agreements.version(number)),
                () -> agreements.activate(number, actor.name()),
                AgreementWork::state);
    }

    /** What the audit keeps of a version: its number, its status, and who signed it. */
    private static Map<String, String> state(AgreementVersion version) {
        var state = new LinkedHashMap<String, String>();
        state.put("number", Integer.toString(version.number()));
        state.put("status", version.status().name().toLowerCase(Locale.ROOT));
        for (Approval approval : version.approvals()) {
            state.put(approval.side().word() + "Approval", approval.approver());
        }
        return state;
    }
}
