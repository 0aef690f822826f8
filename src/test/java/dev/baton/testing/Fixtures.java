package dev.baton.testing;

import dev.baton.adapter.holidays.JollydayHolidays;
import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.adapter.yaml.ReadResult;
import dev.baton.core.agreement.Agreement;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.Facts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Shared test fixtures: the example agreements, small agreements written as YAML, and lead and event builders. */
public final class Fixtures {

    /** The instant tests score at unless they say otherwise: a Friday, 10:00 in New York. */
    public static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    public static final Path EXAMPLES = Path.of("examples", "agreements");
    public static final String SAAS = "saas-north-america-europe.yaml";
    public static final String IT_SERVICES = "it-services-emea.yaml";

    /** What every agreement needs besides its scoring rules, so focused tests only write the sections they test. */
    private static final String SCAFFOLD = """
            agreement: Test agreement
            calendar:
              timezone: UTC
              hours:
                monday: 09:00-17:00
            reason-codes:
              - code: NOT_ICP
                label: Not our ideal customer
                consequence: disqualify
            """;

    private static final AtomicLong EVENT_IDS = new AtomicLong();

    private Fixtures() {}

    /** The first example agreement, Northwind's SaaS agreement for North America and Europe. */
    public static Agreement saasAgreement() {
        return exampleAgreement(SAAS);
    }

    public static Agreement exampleAgreement(String fileName) {
        return agreementFrom(EXAMPLES.resolve(fileName));
    }

    public static List<Path> exampleAgreementFiles() {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Agreement agreementFrom(Path file) {
        try {
            return agreement(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A complete agreement file; fails the test with every problem when it is not valid. */
    public static Agreement agreement(String yaml, String sourceName) {
        ReadResult result = new AgreementYamlReader(new JollydayHolidays()).read(yaml, sourceName);
        if (!result.isValid()) {
            throw new IllegalArgumentException(result.problems().stream()
                    .map(p -> p.format(sourceName))
                    .collect(Collectors.joining("\n", "not a valid agreement:\n", "")));
        }
        return result.orThrow();
    }

    /**
     * An agreement made of the given top-level sections (fit and intent are required, mql too) plus a fixed name,
     * calendar and reason code.
     */
    public static Agreement agreementWith(String sections) {
        return agreement(SCAFFOLD + sections, "test agreement");
    }

    public static LeadBuilder aLead() {
        return new LeadBuilder();
    }

    /** The example agreement's ideal customer: a VP Marketing at a 200-person US SaaS company with $20M revenue. */
    public static LeadBuilder anIdealLead() {
        return aLead().withEmail("jane.doe@acme-analytics.example")
                .withTitle("VP Marketing")
                .atCompany("Acme Analytics")
                .withCompanyDomain("acme-analytics.example")
                .withEmployees(200)
                .inIndustry("SaaS")
                .withAnnualRevenue(20_000_000)
                .basedIn("US");
    }

    public static EventBuilder anEvent(String type) {
        return new EventBuilder(type);
    }

    public static EventBuilder aPageView(String url) {
        return anEvent("page_view").with("url", url);
    }

    public static EventBuilder aDemoRequest() {
        return anEvent("form_submitted").with("form", "demo");
    }

    public static List<EngagementEvent> events(EventBuilder... builders) {
        return Arrays.stream(builders).map(EventBuilder::build).toList();
    }

    public static Instant daysBefore(Instant instant, double days) {
        return instant.minus(Duration.ofSeconds(Math.round(days * 86_400)));
    }

    /** Builds the {@link Facts} of a lead and its company, field by field. */
    public static final class LeadBuilder {

        private final Map<String, String> values = new TreeMap<>();

        private LeadBuilder() {}

        public LeadBuilder withEmail(String email) {
            return with("lead.email", email);
        }

        public LeadBuilder withTitle(String title) {
            return with("lead.title", title);
        }

        public LeadBuilder atCompany(String name) {
            return with("company.name", name);
        }

        public LeadBuilder withCompanyDomain(String domain) {
            return with("company.domain", domain);
        }

        public LeadBuilder withEmployees(long employees) {
            return with("company.employees", Long.toString(employees));
        }

        public LeadBuilder withAnnualRevenue(long revenue) {
            return with("company.annual_revenue", Long.toString(revenue));
        }

        public LeadBuilder inIndustry(String industry) {
            return with("company.industry", industry);
        }

        /** The company's country, as an ISO code. */
        public LeadBuilder basedIn(String country) {
            return with("company.country", country);
        }

        public LeadBuilder with(String field, String value) {
            values.put(field, value);
            return this;
        }

        public LeadBuilder without(String field) {
            values.remove(field);
            return this;
        }

        public Facts build() {
            return new Facts(values);
        }
    }

    /** Builds an {@link EngagementEvent}; it happens at {@link #NOW} unless told otherwise. */
    public static final class EventBuilder {

        private final String type;
        private final Map<String, String> properties = new TreeMap<>();
        private Instant at = NOW;
        private String id;

        private EventBuilder(String type) {
            this.type = type;
            this.id = "event-" + EVENT_IDS.incrementAndGet();
        }

        public EventBuilder at(Instant instant) {
            this.at = instant;
            return this;
        }

        public EventBuilder at(String isoInstant) {
            return at(Instant.parse(isoInstant));
        }

        /** At the given time before {@link #NOW}. */
        public EventBuilder ago(Duration age) {
            return at(NOW.minus(age));
        }

        public EventBuilder daysAgo(double days) {
            return at(daysBefore(NOW, days));
        }

        public EventBuilder with(String property, String value) {
            properties.put(property, value);
            return this;
        }

        public EventBuilder withId(String id) {
            this.id = id;
            return this;
        }

        public EngagementEvent build() {
            return new EngagementEvent(id, type, at, properties);
        }
    }
}
