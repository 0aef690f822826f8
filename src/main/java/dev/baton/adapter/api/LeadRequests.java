package dev.baton.adapter.api;

import dev.baton.core.engine.LeadIntake;
import dev.baton.core.lead.Email;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The JSON shape of a lead and its company, and its translation into the core's field paths. */
final class LeadRequests {

    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final int MAX_TEXT = 1000;

    private LeadRequests() {}

    /** A lead as posted: every field optional but the email. */
    record LeadRequest(
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String title,
            @Nullable String phone,
            @Nullable String country,
            @Nullable String region,
            @Nullable String state,
            @Nullable String city,
            @Nullable String source,
            @Nullable String campaign,
            @Nullable Utm utm,
            @Nullable String externalId,
            @Nullable BigDecimal estimatedDealSize,
            @Nullable Map<String, String> attributes,
            @Nullable CompanyRequest company) {}

    /** Campaign tracking parameters. */
    record Utm(
            @Nullable String source,
            @Nullable String medium,
            @Nullable String campaign,
            @Nullable String term,
            @Nullable String content) {}

    /** The lead's company as posted. */
    record CompanyRequest(
            @Nullable String name,
            @Nullable String domain,
            @Nullable Long employees,
            @Nullable BigDecimal annualRevenue,
            @Nullable String industry,
            @Nullable String country,
            @Nullable String region,
            @Nullable String state) {}

    static LeadIntake.LeadInput toInput(LeadRequest request) {
        var errors = new InvalidFields.Collector();
        Optional<Email> email = Optional.empty();
        if (request.email() == null || request.email().isBlank()) {
            errors.add("email", "email is required");
        } else {
            email = Email.parse(request.email());
            if (email.isEmpty()) {
                errors.add("email", "'" + request.email() + "' is not an email address");
            }
        }
        var fields = new TreeMap<String, String>();
        text(fields, errors, "lead.first_name", "firstName", request.firstName());
        text(fields, errors, "lead.last_name", "lastName", request.lastName());
        text(fields, errors, "lead.title", "title", request.title());
        text(fields, errors, "lead.phone", "phone", request.phone());
        text(fields, errors, "lead.country", "country", request.country());
        text(fields, errors, "lead.region", "region", request.region());
        text(fields, errors, "lead.state", "state", request.state());
        text(fields, errors, "lead.city", "city", request.city());
        text(fields, errors, "lead.source", "source", request.source());
        text(fields, errors, "lead.campaign", "campaign", request.campaign());
        text(fields, errors, "lead.external_id", "externalId", request.externalId());
        amount(fields, errors, "lead.estimated_deal_size", "estimatedDealSize", request.estimatedDealSize());
        Utm utm = request.utm();
        if (utm != null) {
            text(fields, errors, "lead.utm_source", "utm.source", utm.source());
            text(fields, errors, "lead.utm_medium", "utm.medium", utm.medium());
            text(fields, errors, "lead.utm_campaign", "utm.campaign", utm.campaign());
            text(fields, errors, "lead.utm_term", "utm.term", utm.term());
            text(fields, errors, "lead.utm_content", "utm.content", utm.content());
        }
        if (request.attributes() != null) {
            request.attributes().forEach((key, value) -> {
                if (!ATTRIBUTE.matcher(key).matches()) {
                    errors.add(
                            "attributes." + key, "attribute names are lower-case words joined by _, not '" + key + "'");
                } else {
                    text(fields, errors, "lead.attributes." + key, "attributes." + key, value);
                }
            });
        }
        CompanyRequest company = request.company();
        if (company != null) {
            companyFields(fields, errors, company, "company.");
        }
        errors.throwIfAny();
        return new LeadIntake.LeadInput(email.orElseThrow(), fields);
    }

    /** The company's fields as paths; {@code prefix} is how the request names them in errors. */
    static void companyFields(
            Map<String, String> fields, InvalidFields.Collector errors, CompanyRequest company, String prefix) {
        text(fields, errors, "company.name", prefix + "name", company.name());
        if (company.domain() != null && !company.domain().isBlank()) {
            String domain = company.domain().strip().toLowerCase(java.util.Locale.ROOT);
            if (!domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9-]+)+")) {
                errors.add(prefix + "domain", "'" + company.domain() + "' is not a domain like acme.com");
            } else {
                fields.put("company.domain", domain);
            }
        }
        if (company.employees() != null) {
            if (company.employees() < 0) {
                errors.add(prefix + "employees", "employees cannot be negative");
            } else {
                fields.put("company.employees", Long.toString(company.employees()));
            }
        }
        amount(fields, errors, "company.annual_revenue", prefix + "annualRevenue", company.annualRevenue());
        text(fields, errors, "company.industry", prefix + "industry", company.industry());
        text(fields, errors, "company.country", prefix + "country", company.country());
        text(fields, errors, "company.region", prefix + "region", company.region());
        text(fields, errors, "company.state", prefix + "state", company.state());
    }

    private static void text(
            Map<String, String> fields,
            InvalidFields.Collector errors,
            String path,
            String field,
            @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.length() > MAX_TEXT) {
            errors.add(field, field + " is longer than " + MAX_TEXT + " characters");
            return;
        }
        fields.put(path, value.strip());
    }

    private static void amount(
            Map<String, String> fields,
            InvalidFields.Collector errors,
            String path,
            String field,
            @Nullable BigDecimal value) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0) {
            errors.add(field, field + " cannot be negative");
            return;
        }
        fields.put(path, value.stripTrailingZeros().toPlainString());
    }
}
