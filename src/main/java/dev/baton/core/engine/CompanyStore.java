package dev.baton.core.engine;

import dev.baton.core.lead.CompanyFact;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The port to where companies' facts, their leads' claims and their history are kept. */
public interface CompanyStore {

    /** One change of a company field: the value before and after, when, by whom, for which lead, and why. */
    record Change(
            String field,
            Optional<String> was,
            Optional<String> value,
            Instant at,
            String actor,
            Optional<Long> leadId,
            String why) {}

    /** A lead's word on a company field. */
    record Claim(long companyId, long leadId, String field, String value) {}

    /** Keeps each claim as its lead's word on the field, replacing the lead's earlier one. */
    void claimAll(List<Claim> claims, Instant at);

    /**
     * The values the companies' leads report for these fields, with how many leads report each, by company and field.
     */
    Map<Long, Map<String, List<CompanyFact.Tally>>> tallies(
            java.util.Set<Long> companyIds, java.util.Set<String> fields);

    /** The fields set on each of these companies itself, which its leads' claims do not change; by company. */
    Map<Long, Map<String, String>> pinned(java.util.Set<Long> companyIds);

    /** A company of the lead's own, with no domain, so that no other lead is matched to it; returns its id. */
    long ownCompany(Instant at);

    void pin(long companyId, Map<String, String> fields);

    void record(long companyId, List<Change> changes);

    /** As {@link #record} for several companies at once, by company id. */
    void recordAll(Map<Long, List<Change>> changes);

    /** Every change of the company's fields, oldest first. */
    List<Change> history(long companyId);

    /** The ids of the company's leads. */
    List<Long> leadsOf(long companyId);
}
