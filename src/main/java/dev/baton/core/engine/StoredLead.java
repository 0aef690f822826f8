package dev.baton.core.engine;

import dev.baton.core.lead.Email;
import dev.baton.core.lead.Facts;
import dev.baton.core.lifecycle.LeadStatus;
import dev.baton.core.scoring.ScoringTrace;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A lead as stored: its profile, its company's profile, where it stands, the trace its score was made from, and the
 * revision of its record it was read at (any write to the lead changes it).
 */
public record StoredLead(
        long id,
        Email email,
        boolean created,
        Optional<Long> companyId,
        Map<String, String> profile,
        Map<String, String> companyProfile,
        LeadStatus status,
        Optional<Integer> score,
        Optional<Integer> scoredWith,
        Optional<Instant> firstTouchAt,
        Optional<ScoringTrace> trace,
        long revision) {

    public StoredLead {
        profile = Map.copyOf(profile);
        companyProfile = Map.copyOf(companyProfile);
    }

    /** The same lead, marked as created by the current command. */
    public StoredLead asCreated() {
        return new StoredLead(
                id,
                email,
                true,
                companyId,
                profile,
                companyProfile,
                status,
                score,
                scoredWith,
                firstTouchAt,
                trace,
                revision);
    }

    /** Everything rules can test: the lead's fields, its email, and its company's fields. */
    public Facts facts() {
        return factsOf(email, profile, companyProfile);
    }

    /** Everything rules can test about a lead with this email, profile and company profile. */
    public static Facts factsOf(Email email, Map<String, String> profile, Map<String, String> companyProfile) {
        var values = new HashMap<String, String>(profile);
        values.putAll(companyProfile);
        values.put("lead.email", email.address());
        return new Facts(values);
    }
}
