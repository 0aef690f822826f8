package dev.baton.adapter.security;

import static dev.baton.core.access.Permission.ACTIVATE_AGREEMENTS;
import static dev.baton.core.access.Permission.APPROVE_AGREEMENTS;
import static dev.baton.core.access.Permission.DRAFT_AGREEMENTS;
import static dev.baton.core.access.Permission.EDIT_COMPANIES;
import static dev.baton.core.access.Permission.EXPORT;
import static dev.baton.core.access.Permission.IMPORT;
import static dev.baton.core.access.Permission.INGEST;
import static dev.baton.core.access.Permission.MANAGE_AVAILABILITY;
import static dev.baton.core.access.Permission.MANAGE_TEAMS;
import static dev.baton.core.access.Permission.MANAGE_TOKENS;
import static dev.baton.core.access.Permission.MANAGE_USERS;
import static dev.baton.core.access.Permission.PERSONAL_DATA;
import static dev.baton.core.access.Permission.READ;
import static dev.baton.core.access.Permission.READ_AUDIT;
import static dev.baton.core.access.Permission.REASSIGN_LEADS;
import static dev.baton.core.access.Permission.RETRY_NOTICES;
import static dev.baton.core.access.Permission.REVIEW;
import static dev.baton.core.access.Permission.WORK_LEADS;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.baton.core.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What each API endpoint takes, in one table: the first rule whose method and path match decides, with the path
 * matched as the dispatcher matches it. A request no rule names is refused.
 */
public final class EndpointPermissions {

    private record Rule(RequestMatcher matcher, Permission permission) {}

    private final List<Rule> rules = new ArrayList<>();

    public EndpointPermissions() {
        rule(GET, "/api/v1/users/**", MANAGE_USERS);
        rule(GET, "/api/v1/tokens/**", MANAGE_TOKENS);
        rule(GET, "/api/v1/audit/**", READ_AUDIT);
        rule(GET, "/api/v1/personal-data/**", PERSONAL_DATA);
        rule(GET, "/api/v1/exports/**", EXPORT);
        rule(GET, "/api/v1/notifications/**", EXPORT);
        rule(GET, "/api/v1/**", READ);
        rule(GET, "/actuator/**", READ);

        rule(POST, "/api/v1/events", INGEST);
        rule(POST, "/api/v1/leads", INGEST);
        rule(POST, "/api/v1/imports/*", IMPORT);
        rule(POST, "/api/v1/leads/*/reassign", REASSIGN_LEADS);
        for (String step : List.of(
                "accept",
                "reject",
                "qualify",
                "nurture",
                "recycle",
                "disqualify",
                "opportunity",
                "won",
                "lost",
                "activities")) {
            rule(POST, "/api/v1/leads/*/" + step, WORK_LEADS);
        }
        rule(PATCH, "/api/v1/companies/*", EDIT_COMPANIES);

        rule(POST, "/api/v1/agreements/validate", READ);
        rule(POST, "/api/v1/agreements", DRAFT_AGREEMENTS);
        rule(POST, "/api/v1/agreements/*/approvals", APPROVE_AGREEMENTS);
        rule(POST, "/api/v1/agreements/*/activation", ACTIVATE_AGREEMENTS);
        rule(POST, "/api/v1/agreements/*/simulations", DRAFT_AGREEMENTS);
        rule(POST, "/api/v1/simulations", DRAFT_AGREEMENTS);

        rule(POST, "/api/v1/reviews", REVIEW);
        rule(POST, "/api/v1/reviews/*/close", REVIEW);
        rule(POST, "/api/v1/notifications/*/retry", RETRY_NOTICES);

        rule(POST, "/api/v1/teams/*/members", MANAGE_TEAMS);
        rule(DELETE, "/api/v1/teams/*/members/*", MANAGE_TEAMS);
        rule(PUT, "/api/v1/reps/*/active", MANAGE_AVAILABILITY);
        rule(POST, "/api/v1/reps/*/absences", MANAGE_AVAILABILITY);
        rule(DELETE, "/api/v1/reps/*/absences/*", MANAGE_AVAILABILITY);
        rule(POST, "/api/v1/reps/*/reassign", MANAGE_AVAILABILITY);

        rule(POST, "/api/v1/users", MANAGE_USERS);
        rule(PATCH, "/api/v1/users/*", MANAGE_USERS);
        rule(POST, "/api/v1/tokens", MANAGE_TOKENS);
        rule(DELETE, "/api/v1/tokens/*", MANAGE_TOKENS);
        rule(POST, "/api/v1/personal-data/erasure", PERSONAL_DATA);
    }

    private void rule(HttpMethod method, String pattern, Permission permission) {
        rules.add(new Rule(PathPatternRequestMatcher.withDefaults().matcher(method, pattern), permission));
        if (method == GET) {
            rules.add(new Rule(PathPatternRequestMatcher.withDefaults().matcher(HEAD, pattern), permission));
        }
    }

    /** What the request takes; empty when no rule names it. */
    public Optional<Permission> of(HttpServletRequest request) {
        for (Rule rule : rules) {
            if (rule.matcher().matches(request)) {
                return Optional.of(rule.permission());
            }
        }
        return Optional.empty();
    }
}
