package dev.baton.adapter.api;

import dev.baton.core.access.Actor;
import dev.baton.core.access.Audit;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.CompanyDirectory;
import dev.baton.core.engine.CompanyStore;
import dev.baton.core.engine.LeadIntake;
import dev.baton.core.engine.LeadSearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finds companies by domain or name. */
@RestController
@RequestMapping(path = "/api/v1/companies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Companies", description = "The companies leads work at, matched by their email's domain")
class CompanyController {

    private final CompanyDirectory companies;
    private final CompanyStore store;
    private final LeadIntake intake;
    private final Audit audit;

    CompanyController(CompanyDirectory companies, CompanyStore store, LeadIntake intake, Audit audit) {
        this.audit = audit;
        this.companies = companies;
        this.store = store;
        this.intake = intake;
    }

    @GetMapping
    @Operation(
            summary = "Find companies by domain, or by words in their name or domain; a page at a time in id order",
            description = "At most `limit` companies (1–500, 50 by default); `next` is the cursor of the next page.")
    CompanyPage find(
            @Parameter(description = "The domain, any case: acme.com") @RequestParam(required = false) @Nullable
                    String domain,
            @Parameter(description = "Words in the name or the domain, any case")
                    @RequestParam(required = false)
                    @Nullable
                    String q,
            @Parameter(description = "The `next` of the page before") @RequestParam(required = false) @Nullable
                    String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        int size = QueryParams.limit(limit, LeadSearch.DEFAULT_LIMIT);
        CompanyDirectory.Page page = companies.find(
                QueryParams.text("domain", domain).map(d -> d.toLowerCase(Locale.ROOT)),
                QueryParams.text("q", q),
                after(cursor),
                size);
        return new CompanyPage(
                page.companies().stream().map(CompanyView::of).toList(),
                page.next().map(String::valueOf).orElse(null));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One company: its facts, its account owner and how many leads it has")
    CompanyView company(@PathVariable long id) {
        return companies
                .find(id)
                .map(CompanyView::of)
                .orElseThrow(() -> new BatonException.NotFound("there is no company " + id));
    }

    @PatchMapping(consumes = MediaType.APPLICATION_JSON_VALUE, path = "/{id}")
    @Operation(
            summary = "Set facts on the company itself: they win over what its leads report, until set again",
            description = "Without such a fact, a company field shows the value most of the company's leads report"
                    + " (each lead once, with the latest value it sent; a tie keeps the value the company has). Each"
                    + " change is in the company's history, and the company's leads are rescored. The domain is the"
                    + " company's key and is not changed here.")
    CompanyView update(Actor actor, @PathVariable long id, @RequestBody @Nullable CompanyUpdate body) {
        companies.find(id).orElseThrow(() -> new BatonException.NotFound("there is no company " + id));
        if (body == null) {
            throw new BadRequest("body", "send the facts to set, like {\"name\":\"Acme\"}");
        }
        var errors = new InvalidFields.Collector();
        if (body.domain() != null) {
            errors.add("domain", "the domain is the company's key: leads are matched to it by their email's domain");
        }
        var fields = new TreeMap<String, String>();
        LeadRequests.companyFields(fields, errors, body.facts(), "");
        errors.throwIfAny();
        if (fields.isEmpty()) {
            throw new BadRequest(
                    "body", "no facts to set: name, employees, annualRevenue, industry, country, region" + " or state");
        }
        return audit.record(
                actor,
                "company.corrected",
                "company/" + id,
                () -> facts(company(id), fields.keySet()),
                () -> {
                    intake.updateCompany(id, fields, actor.name());
                    return company(id);
                },
                company -> facts(company, fields.keySet()));
    }

    /** What the audit keeps of a correction: the company's value of each field set, before and after. */
    private static Map<String, String> facts(CompanyView company, java.util.Set<String> paths) {
        var facts = new TreeMap<String, String>();
        for (String path : paths) {
            String field = path.substring("company.".length());
            facts.put(
                    field,
                    company.profile()
                            .getOrDefault(field, field.equals("name") && company.name() != null ? company.name() : ""));
        }
        return facts;
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every change of the company's fields, oldest first: the value before and after, who, and why")
    List<ChangeView> history(@PathVariable long id) {
        companies.find(id).orElseThrow(() -> new BatonException.NotFound("there is no company " + id));
        return store.history(id).stream().map(ChangeView::of).toList();
    }

    private static long after(@Nullable String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            long id = Long.parseLong(cursor.strip());
            if (id < 0) {
                throw new NumberFormatException(cursor);
            }
            return id;
        } catch (NumberFormatException e) {
            throw QueryParams.badCursor();
        }
    }

    /** The facts to set on a company, as a lead's company is posted. */
    record CompanyUpdate(
            @Nullable String name,
            @Nullable String domain,
            @Nullable Long employees,
            @Nullable BigDecimal annualRevenue,
            @Nullable String industry,
            @Nullable String country,
            @Nullable String region,
            @Nullable String state) {

        LeadRequests.CompanyRequest facts() {
            return new LeadRequests.CompanyRequest(
                    name, null, employees, annualRevenue, industry, country, region, state);
        }
    }

    /** One change of a company field. */
    record ChangeView(
            String field,
            @Nullable String from,
            @Nullable String to,
            Instant at,
            String actor,
            @Nullable Long lead,
            String why) {

        static ChangeView of(CompanyStore.Change change) {
            return new ChangeView(
                    change.field(),
                    change.was().orElse(null),
                    change.value().orElse(null),
                    change.at(),
                    change.actor(),
                    change.leadId().orElse(null),
                    change.why());
        }
    }

    /** A page of companies; {@code next} is absent on the last. */
    record CompanyPage(
            List<CompanyView> companies, @Nullable String next) {}

    /** A company as it stands; a free-mail lead's own company has no domain. */
    record CompanyView(
            long id,
            @Nullable String domain,
            @Nullable String name,
            Map<String, String> profile,
            @Nullable String owner,
            long leads,
            Instant createdAt,
            Instant updatedAt) {

        static CompanyView of(CompanyDirectory.Company company) {
            return new CompanyView(
                    company.id(),
                    company.domain().orElse(null),
                    company.profile().get("company.name"),
                    company.profile(),
                    company.owner().orElse(null),
                    company.leads(),
                    company.createdAt(),
                    company.updatedAt());
        }
    }
}
