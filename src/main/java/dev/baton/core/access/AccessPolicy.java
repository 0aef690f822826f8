package dev.baton.core.access;

import dev.baton.core.agreement.Approval;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what, in one place. A request is allowed when the credential's scopes include the permission's scope and
 * the person holds one of its roles; a body signed with the intake secret may only send events in. Acting on a lead
 * or a rep narrows it further: revops and admins act on all, a sales manager on their team's, a rep on their own.
 */
public final class AccessPolicy {

    /** May the actor do this at all? */
    public Decision check(Actor actor, Permission permission) {
        if (!actor.scopes().contains(permission.scope())) {
            return Decision.deny("this credential's scopes do not include "
                    + permission.scope().word() + ", which is needed to " + permission.description());
        }
        if (actor.source() == Source.SIGNED) {
            return permission == Permission.INGEST
                    ? Decision.allow()
                    : Decision.deny("a signed request may only send events in");
        }
        if (permission.roles().stream().noneMatch(actor::has)) {
            return Decision.deny(actor.name() + " holds no role that may " + permission.description() + " (it takes "
                    + String.join(
                            " or ",
                            permission.roles().stream().sorted().map(Role::word).toList())
                    + ")");
        }
        return Decision.allow();
    }

    /**
     * May the actor do this to a lead owned by {@code owner} (empty when unowned), whose teams have {@code managers}?
     */
    public Decision onLead(Actor actor, Permission permission, Optional<String> owner, Set<String> managers) {
        Decision allowed = check(actor, permission);
        if (!allowed.allowed() || actor.has(Role.ADMIN) || actor.has(Role.REVOPS)) {
            return allowed;
        }
        if (actor.has(Role.SALES_MANAGER) && managers.contains(actor.name())) {
            return Decision.allow();
        }
        if (actor.has(Role.REP)
                && permission == Permission.WORK_LEADS
                && owner.filter(actor.name()::equalsIgnoreCase).isPresent()) {
            return Decision.allow();
        }
        return Decision.deny(owner.map(o -> "this lead is " + o + "'s").orElse("this lead has no owner")
                + "; " + actor.name() + " may act only on "
                + (actor.has(Role.SALES_MANAGER) ? "their team's" : "their own")
                + " leads");
    }

    /** May the actor do this to a rep, whose teams have {@code managers}? */
    public Decision onRep(Actor actor, Permission permission, String rep, Set<String> managers) {
        Decision allowed = check(actor, permission);
        if (!allowed.allowed() || actor.has(Role.ADMIN) || actor.has(Role.REVOPS)) {
            return allowed;
        }
        if (actor.has(Role.SALES_MANAGER) && managers.contains(actor.name())) {
            return Decision.allow();
        }
        return Decision.deny(rep + " is not in a team " + actor.name() + " manages");
    }

    /** May the actor sign this side? Marketing's by a marketer, sales' by a sales manager. */
    public Decision approve(Actor actor, Approval.Side side) {
        Decision allowed = check(actor, Permission.APPROVE_AGREEMENTS);
        if (!allowed.allowed()) {
            return allowed;
        }
        Role needed = side == Approval.Side.MARKETING ? Role.MARKETING : Role.SALES_MANAGER;
        return actor.has(needed)
                ? Decision.allow()
                : Decision.deny("the " + side.word() + " approval takes a user with the " + needed.word() + " role");
    }
}
