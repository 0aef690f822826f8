package dev.baton.core.privacy;

import dev.baton.core.lead.Email;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What erasing one person removes, and what of their lead stays. The profile keeps only the fields no one can be told
 * apart by and a metric may segment on — {@code lead.source}, {@code lead.campaign}, {@code lead.utm_*},
 * {@code lead.country}, {@code lead.region}, {@code lead.state} and {@code lead.estimated_deal_size} — and loses the rest:
 * names, email, phone, title, city, external ids and every free-text attribute. The lead's email becomes
 * {@code erased-<id>@erased.invalid}, which reaches no one and forms no company. The secrets are what erasure looks for
 * in every other table: the email, every value removed from the profile and the visitor ids.
 */
public record Erasure(long leadId, Email email, Email anonymous, Map<String, String> profile, Set<String> secrets) {

    static final Set<String> KEPT = Set.of(
            "lead.source",
            "lead.campaign",
            "lead.utm_source",
            "lead.utm_medium",
            "lead.utm_campaign",
            "lead.utm_term",
            "lead.utm_content",
            "lead.country",
            "lead.region",
            "lead.state",
            "lead.estimated_deal_size");

    /** The domain of the lead's employer: dropped with the email it comes from, but it names a company, not a person. */
    private static final String EMPLOYER = "lead.email_domain";

    public Erasure {
        profile = Map.copyOf(profile);
        secrets = Set.copyOf(secrets);
    }

    /** The erasure of this person. */
    public static Erasure of(PersonalDataStore.Person person) {
        var kept = new TreeMap<String, String>();
        var secrets = new TreeSet<String>();
        secrets.add(person.email().address());
        person.profile().forEach((field, value) -> {
            if (KEPT.contains(field)) {
                kept.put(field, value);
            } else if (!field.equals(EMPLOYER)) {
                secrets.add(value);
            }
        });
        secrets.addAll(person.visitorIds());
        var lowered = new TreeSet<String>();
        secrets.stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .forEach(lowered::add);
        return new Erasure(
                person.leadId(),
                person.email(),
                new Email("erased-" + person.leadId() + "@erased.invalid"),
                kept,
                lowered);
    }
}
