package dev.baton.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The port for reading companies as the API lists them. */
public interface CompanyDirectory {

    /**
     * A company as it stands: its domain (none for a free-mail lead's own company, matched to no one), its facts, its
     * account owner and how many leads it has.
     */
    record Company(
            long id,
            Optional<String> domain,
            Map<String, String> profile,
            Optional<String> owner,
            long leads,
            Instant createdAt,
            Instant updatedAt) {

        public Company {
            profile = Map.copyOf(profile);
        }
    }

    /** A page of companies in id order, and the id the next page starts after when there are more. */
    record Page(List<Company> companies, Optional<Long> next) {

        public Page {
            companies = List.copyOf(companies);
        }
    }

    /** The companies of a domain or whose name or domain holds the text, in id order after {@code afterId}. */
    Page find(Optional<String> domain, Optional<String> text, long afterId, int limit);

    Optional<Company> find(long id);
}
