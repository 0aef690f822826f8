package dev.baton.core.access;

import static dev.baton.core.access.Role.ADMIN;
import static dev.baton.core.access.Role.MARKETING;
import static dev.baton.core.access.Role.REP;
import static dev.baton.core.access.Role.REVOPS;
import static dev.baton.core.access.Role.SALES_MANAGER;

import java.util.EnumSet;
import java.util.Set;

/**
 * Everything Baton lets someone do, with the token scope it needs and the roles that may. Some are narrowed further by
 * what they act on: a rep works only the leads they own, a sales manager only their team's (see {@link AccessPolicy}).
 */
public enum Permission {
    /** The shared dashboard, metrics, leads, agreements, teams: shared visibility is the point. */
    READ(Scope.READ, EnumSet.allOf(Role.class), "read the funnel, its metrics, leads, agreements and teams"),
    /** Engagement events and lead upserts from forms, the website and marketing automation. */
    INGEST(Scope.INGEST, EnumSet.of(ADMIN, REVOPS, MARKETING), "send events and leads in"),
    /** CSV imports of leads, history and spend. */
    IMPORT(Scope.INGEST, EnumSet.of(ADMIN, REVOPS, MARKETING), "import CSV files"),
    /** The CSV export of every lead with its personal data, and the notification outbox, which carries it too. */
    EXPORT(Scope.READ, EnumSet.of(ADMIN, REVOPS, MARKETING), "export leads and read the notification outbox"),
    /** Lifecycle commands and logged touches; a rep on their own leads, a manager on the team's. */
    WORK_LEADS(Scope.WRITE, EnumSet.of(ADMIN, REVOPS, SALES_MANAGER, REP), "accept, reject, qualify and log touches"),
    /** Giving a lead to another rep; a manager within the team. */
    REASSIGN_LEADS(Scope.WRITE, EnumSet.of(ADMIN, REVOPS, SALES_MANAGER), "give a lead to another rep"),
    /** Pinning a company's facts. */
    EDIT_COMPANIES(Scope.WRITE, EnumSet.of(ADMIN, REVOPS, MARKETING), "correct a company's facts"),
    /** Proposing a new agreement version. */
    DRAFT_AGREEMENTS(Scope.WRITE, EnumSet.of(REVOPS, MARKETING, SALES_MANAGER), "propose an agreement draft"),
    /** Signing a draft: marketing's side by a marketer, sales' by a sales manager, never both by one person. */
    APPROVE_AGREEMENTS(Scope.WRITE, EnumSet.of(MARKETING, SALES_MANAGER), "sign a draft for one side"),
    /** Putting a signed version in force. */
    ACTIVATE_AGREEMENTS(Scope.WRITE, EnumSet.of(ADMIN, REVOPS), "activate a signed version"),
    /** Opening and closing review items of the program escalations. */
    REVIEW(Scope.WRITE, EnumSet.of(ADMIN, REVOPS, MARKETING, SALES_MANAGER), "open and close review items"),
    /** Seats in teams. */
    MANAGE_TEAMS(Scope.ADMIN, EnumSet.of(ADMIN), "seat and unseat reps"),
    /** Absences, a rep's availability, moving all of a rep's leads; a manager for the team's reps. */
    MANAGE_AVAILABILITY(Scope.WRITE, EnumSet.of(ADMIN, REVOPS, SALES_MANAGER), "record absences and availability"),
    /** Retrying dead-lettered notices. */
    RETRY_NOTICES(Scope.WRITE, EnumSet.of(ADMIN, REVOPS), "retry a notice"),
    /** Users and their roles. */
    MANAGE_USERS(Scope.ADMIN, EnumSet.of(ADMIN), "add, change and disable users"),
    /** API tokens. */
    MANAGE_TOKENS(Scope.ADMIN, EnumSet.of(ADMIN), "create and revoke API tokens"),
    /** Searching the audit trail. */
    READ_AUDIT(Scope.ADMIN, EnumSet.of(ADMIN), "search the audit trail"),
    /** Exporting and erasing a person's data. */
    PERSONAL_DATA(Scope.ADMIN, EnumSet.of(ADMIN), "export and erase a person's data");

    private final Scope scope;
    private final Set<Role> roles;
    private final String description;

    Permission(Scope scope, Set<Role> roles, String description) {
        this.scope = scope;
        this.roles = Set.copyOf(roles);
        this.description = description;
    }

    /** The scope a token needs for this. */
    public Scope scope() {
        return scope;
    }

    /** The roles that may do this (some only on their own leads or team). */
    public Set<Role> roles() {
        return roles;
    }

    public String description() {
        return description;
    }
}
