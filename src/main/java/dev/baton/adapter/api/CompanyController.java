package dev.baton.adapter.api;

import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.CompanyDirectory;
import dev.baton.core.engine.LeadSearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finds companies by domain or name. */
@RestController
@RequestMapping(path = "/api/v1/companies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Companies", description = "The companies leads work at, matched by their email's domain")
class CompanyController {

    private final CompanyDirectory companies;

    CompanyController(CompanyDirectory companies) {
        this.companies = companies;
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
