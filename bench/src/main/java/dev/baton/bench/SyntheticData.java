package dev.baton.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Synthetic companies, leads and engagement events from a seeded random source. Companies and titles range from the
 * first example agreement's ideal customer to far outside it; the events mix is a B2B site's: mostly page views (a
 * sixth of them on the pricing page), email clicks and opens, downloads, webinars, a few forms.
 */
final class SyntheticData {

    private static final String[] INDUSTRIES = {
        "SaaS", "FinTech", "Professional Services", "Retail", "Manufacturing", "Healthcare"
    };
    private static final String[] COUNTRIES = {"US", "CA", "GB", "DE", "FR", "NL", "BR", "IN", "JP", "AU"};
    private static final String[] TITLES = {
        "VP Marketing",
        "Director of Demand Generation",
        "Head of Growth",
        "CMO",
        "Marketing Manager",
        "Sales Operations Analyst",
        "Software Engineer",
        "Student"
    };

    private final Random random;
    private final Instant now;

    SyntheticData(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    /** An engagement event about a lead, as the API takes it and as a COPY row of {@code engagement_event}. */
    record Event(String id, long leadId, String type, Instant occurredAt, String properties) {

        static final String COPY_COLUMNS = "event_id, lead_id, type, occurred_at, received_at, properties";

        String json() {
            return "{\"eventId\":\"" + id + "\",\"leadId\":" + leadId + ",\"type\":\"" + type + "\",\"occurredAt\":\""
                    + occurredAt + "\",\"properties\":" + properties + "}";
        }

        Event withId(String newId) {
            return new Event(newId, leadId, type, occurredAt, properties);
        }

        void appendCopyRow(StringBuilder out, Instant receivedAt) {
            out.append(id).append('\t').append(leadId).append('\t').append(type).append('\t');
            out.append(occurredAt).append('\t').append(receivedAt).append('\t');
            out.append(properties).append('\n');
        }
    }

    /** An event about the lead, up to {@code spread} old. */
    Event event(String id, long leadId, Duration spread) {
        return event(random, id, leadId, spread);
    }

    /**
     * Event number {@code n} of a series about random leads of a range: the same event for the same tag and number,
     * however many threads ask for which ones in which order.
     */
    Event numbered(String tag, long n, BulkLoad.Ids leads, Duration spread) {
        var random = new SplittableRandom(tag.hashCode() * 1_000_003L + n);
        return event(random, tag + "-" + n, leads.get(random.nextLong(leads.count())), spread);
    }

    private Event event(RandomGenerator random, String id, long leadId, Duration spread) {
        Instant at = now.minusMillis((long) (random.nextDouble() * spread.toMillis()));
        int kind = random.nextInt(100);
        int n = random.nextInt(40);
        if (kind < 10) {
            return new Event(id, leadId, "page_view", at, "{\"url\":\"/pricing\"}");
        } else if (kind < 60) {
            return new Event(id, leadId, "page_view", at, "{\"url\":\"/blog/post-" + n + "\"}");
        } else if (kind < 75) {
            return new Event(id, leadId, "email_clicked", at, "{\"campaign\":\"nurture-" + n + "\"}");
        } else if (kind < 85) {
            return new Event(id, leadId, "content_downloaded", at, "{\"contentId\":\"guide-" + n + "\"}");
        } else if (kind < 90) {
            return new Event(id, leadId, "webinar_attended", at, "{\"webinarId\":\"webinar-" + n + "\"}");
        } else if (kind < 93) {
            return new Event(id, leadId, "form_submitted", at, "{\"form\":\"demo\"}");
        } else if (kind < 96) {
            return new Event(id, leadId, "form_submitted", at, "{\"form\":\"newsletter\"}");
        }
        return new Event(id, leadId, "email_opened", at, "{\"campaign\":\"nurture-" + n + "\"}");
    }

    static final String COMPANY_COLUMNS = "domain, profile, created_at, updated_at";

    /** Company number {@code n}, with the domain {@code company-<n>.<tag>.example}. */
    void appendCompanyRow(StringBuilder out, long n, String tag) {
        String domain = "company-" + n + "." + tag + ".example";
        out.append(domain).append('\t');
        out.append("{\"company.domain\":\"").append(domain);
        out.append("\",\"company.employees\":\"").append(5 + random.nextInt(2000));
        out.append("\",\"company.annual_revenue\":\"").append(500_000L + random.nextInt(200) * 1_000_000L);
        out.append("\",\"company.industry\":\"").append(INDUSTRIES[random.nextInt(INDUSTRIES.length)]);
        out.append("\",\"company.country\":\"").append(COUNTRIES[random.nextInt(COUNTRIES.length)]);
        out.append("\"}\t").append(now).append('\t').append(now).append('\n');
    }

    static final String LEAD_COLUMNS = "email, company_id, profile, created_at, updated_at";

    /** Lead number {@code n}, working at the company with {@code companyId} (number {@code companyNumber}). */
    void appendLeadRow(StringBuilder out, long n, long companyNumber, long companyId, String tag) {
        out.append("lead-").append(n).append("@company-").append(companyNumber);
        out.append('.').append(tag).append(".example\t").append(companyId).append('\t');
        out.append("{\"lead.title\":\"").append(TITLES[random.nextInt(TITLES.length)]);
        out.append("\",\"lead.first_name\":\"Lead\",\"lead.last_name\":\"").append(n);
        out.append("\",\"lead.source\":\"webinar\"}\t");
        out.append(now).append('\t').append(now).append('\n');
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
