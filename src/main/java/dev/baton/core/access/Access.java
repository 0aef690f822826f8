package dev.baton.core.access;

import dev.baton.core.agreement.Approval;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.LeadQueries;
import dev.baton.core.engine.RosterStore;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The access policy applied to what Baton holds: finds a lead's owner and the managers of a rep's teams, asks the
 * policy, and refuses with {@link BatonException.Forbidden} and the policy's reason.
 */
public final class Access {

    private final AccessPolicy policy;
    private final LeadQueries leads;
    private final RosterStore roster;
    private final Clock clock;

    public Access(AccessPolicy policy, LeadQueries leads, RosterStore roster, Clock clock) {
        this.policy = policy;
        this.leads = leads;
        this.roster = roster;
        this.clock = clock;
    }

    public AccessPolicy policy() {
        return policy;
    }

    public void require(Actor actor, Permission permission) {
        refuseUnless(policy.check(actor, permission));
    }

    /** Refuses unless the actor may do this to the lead; a lead that does not exist is not found. */
    public void requireOnLead(Actor actor, Permission permission, long leadId) {
        if (policy.check(actor, permission).allowed() && (actor.has(Role.ADMIN) || actor.has(Role.REVOPS))) {
            return;
        }
        Optional<String> owner = leads.details(leadId)
                .orElseThrow(() -> new BatonException.NotFound("there is no lead " + leadId))
                .owner();
        refuseUnless(policy.onLead(
                actor, permission, owner, owner.map(this::managersOf).orElse(Set.of())));
    }

    /** Refuses unless the actor may do this to the rep. */
    public void requireOnRep(Actor actor, Permission permission, String rep) {
        refuseUnless(policy.onRep(actor, permission, rep, managersOf(rep)));
    }

    public void requireApproval(Actor actor, Approval.Side side) {
        refuseUnless(policy.approve(actor, side));
    }

    /** The managers of the teams the rep has a seat in. */
    private Set<String> managersOf(String rep) {
        return roster.teams(clock.instant()).stream()
                .filter(team -> team.members().stream().anyMatch(m -> m.rep().equalsIgnoreCase(rep)))
                .map(team -> team.manager().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
    }

    private static void refuseUnless(Decision decision) {
        if (decision instanceof Decision.Denied denied) {
            throw new BatonException.Forbidden(denied.reason());
        }
    }
}
