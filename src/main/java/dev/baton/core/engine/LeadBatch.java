package dev.baton.core.engine;

import dev.baton.core.lead.CompanyFact;
import dev.baton.core.lead.Email;
import dev.baton.core.timeline.HistoryEntry;
import dev.baton.core.timeline.LeadEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Creates or updates a batch of leads with distinct emails, with a few statements for the whole batch: the leads
 * locked or created, their companies found or created by domain, every company claim of the batch decided at once
 * ({@link CompanyFact}), profiles, histories and scores each written together. It runs inside its caller's transaction.
 */
final class LeadBatch {

    /** One lead's part of a batch: its input, the lead as locked, and what the batch changes of it. */
    private static final class Pending {
        final LeadIntake.LeadInput input;
        final StoredLead lead;
        final Map<String, LeadEvent.FieldChange> changes = new LinkedHashMap<>();
        final Map<String, String> companyFields = new TreeMap<>();
        final List<String> notes = new ArrayList<>();
        Optional<Long> companyId;
        Map<String, String> companyProfile;

        Pending(LeadIntake.LeadInput input, StoredLead lead) {
            this.input = input;
            this.lead = lead;
            this.companyId = lead.companyId();
            this.companyProfile = lead.companyProfile();
        }
    }

    private final LeadStore leads;
    private final CompanyStore companies;
    private final ActiveAgreement active;
    private final Rescorer rescorer;

    LeadBatch(LeadStore leads, CompanyStore companies, ActiveAgreement active, Rescorer rescorer) {
        this.leads = leads;
        this.companies = companies;
        this.active = active;
        this.rescorer = rescorer;
    }

    List<LeadIntake.Upserted> apply(
            List<LeadIntake.LeadInput> inputs, String actor, Instant now, Optional<Integer> version) {
        Map<String, StoredLead> locked = leads.lockOrCreateAll(
                inputs.stream().map(LeadIntake.LeadInput::email).toList(), now);
        var pending = new ArrayList<Pending>();
        var profiles = new LinkedHashMap<Long, Map<String, String>>();
        var byDomain = new LinkedHashMap<Pending, String>();
        for (LeadIntake.LeadInput input : inputs) {
            var one = new Pending(input, locked.get(input.email().address()));
            pending.add(one);
            profile(one).ifPresent(profile -> profiles.put(one.lead.id(), profile));
            company(one, now).ifPresent(domain -> byDomain.put(one, domain));
        }
        Map<Long, Long> links = linkByDomain(byDomain, now);
        claimAll(pending, actor, now);
        leads.saveProfiles(profiles, links, now);
        leads.appendAll(history(pending, actor, now, version));
        List<Long> ids = pending.stream().map(one -> one.lead.id()).toList();
        active.current()
                .ifPresent(agreement ->
                        rescorer.rescoreAll(leads.findAll(ids), Map.of(), Set.of(), agreement, now, "profile changed"));
        Map<Long, StoredLead> stored = new HashMap<>();
        leads.findAll(ids).forEach(lead -> stored.put(lead.id(), lead));
        return pending.stream()
                .map(one -> {
                    StoredLead lead = stored.get(one.lead.id());
                    return new LeadIntake.Upserted(
                            one.lead.created() ? lead.asCreated() : lead,
                            one.lead.created() || !one.changes.isEmpty(),
                            one.notes);
                })
                .toList();
    }

    /** The lead's profile with the input's lead fields merged in, when any changed; sets aside its company fields. */
    private static Optional<Map<String, String>> profile(Pending one) {
        var profile = new TreeMap<>(one.lead.profile());
        one.input.fields().forEach((field, value) -> {
            if (field.startsWith("company.")) {
                one.companyFields.put(field, value);
            } else {
                change(profile, field, value, one.changes);
            }
        });
        return one.changes.isEmpty() ? Optional.empty() : Optional.of(profile);
    }

    /**
     * The domain of the company a lead without one is to join; a free-mail lead that names company facts gets a
     * company of its own, and is told so.
     */
    private Optional<String> company(Pending one, Instant now) {
        Optional<String> written = Optional.ofNullable(one.companyFields.remove("company.domain"))
                .map(domain -> domain.strip().toLowerCase(Locale.ROOT));
        Optional<String> domain = written.filter(d -> !Email.isFreeMail(d))
                .or(() -> one.lead.email().companyDomain());
        one.companyFields.values().removeIf(value -> value == null || value.isBlank());
        if (one.companyId.isPresent()) {
            return Optional.empty();
        }
        if (domain.isPresent()) {
            return domain;
        }
        if (!one.companyFields.isEmpty()) {
            one.companyId = Optional.of(companies.ownCompany(now));
            one.companyProfile = Map.of();
            leads.linkCompany(one.lead.id(), one.companyId.get());
            one.notes.add(one.lead.email().domain() + " is a free-mail domain, so the company facts are kept as this"
                    + " lead's own company, matched to no other lead by domain");
        }
        return Optional.empty();
    }

    /** Finds or creates the companies of these domains; the company of each lead, by lead id. */
    private Map<Long, Long> linkByDomain(Map<Pending, String> byDomain, Instant now) {
        var links = new LinkedHashMap<Long, Long>();
        if (byDomain.isEmpty()) {
            return links;
        }
        Map<String, Long> ids = leads.companiesWithDomains(new TreeSet<>(byDomain.values()), now);
        byDomain.forEach((one, domain) -> {
            one.companyId = Optional.of(ids.get(domain));
            links.put(one.lead.id(), ids.get(domain));
            one.changes.put("company.domain", new LeadEvent.FieldChange(Optional.empty(), domain));
        });
        Map<Long, Map<String, String>> current = leads.companyProfiles(links.values());
        byDomain.keySet().forEach(one -> one.companyProfile = current.getOrDefault(one.companyId.get(), Map.of()));
        return links;
    }

    /** Each created lead's creation, then each lead's changed fields. */
    private static List<LeadStore.LeadEntry> history(
            List<Pending> pending, String actor, Instant now, Optional<Integer> version) {
        var entries = new ArrayList<LeadStore.LeadEntry>();
        for (Pending one : pending) {
            if (one.lead.created()) {
                entries.add(new LeadStore.LeadEntry(
                        one.lead.id(),
                        new HistoryEntry(
                                new LeadEvent.LeadCreated(one.input.email().address(), now, actor), "api", version)));
            }
        }
        for (Pending one : pending) {
            if (!one.changes.isEmpty()) {
                entries.add(new LeadStore.LeadEntry(
                        one.lead.id(),
                        new HistoryEntry(new LeadEvent.LeadFieldsChanged(one.changes, now, actor), "api", version)));
            }
        }
        return entries;
    }

    /**
     * The batch's company claims, each field of each company decided once after all of them ({@link CompanyFact}); a
     * change is the lead's whose claim carried it, and a lead whose claim the company does not show is told so.
     */
    private void claimAll(List<Pending> pending, String actor, Instant now) {
        var claims = new ArrayList<CompanyStore.Claim>();
        for (Pending one : pending) {
            if (one.companyId.isPresent()) {
                one.companyFields.forEach((field, value) ->
                        claims.add(new CompanyStore.Claim(one.companyId.get(), one.lead.id(), field, value.strip())));
            }
        }
        if (claims.isEmpty()) {
            return;
        }
        companies.claimAll(claims, now);
        var companyIds = new java.util.TreeSet<Long>();
        var fields = new java.util.TreeSet<String>();
        claims.forEach(claim -> {
            companyIds.add(claim.companyId());
            fields.add(claim.field());
        });
        Map<Long, Map<String, List<CompanyFact.Tally>>> tallies = companies.tallies(companyIds, fields);
        Map<Long, Map<String, String>> pinned = companies.pinned(companyIds);
        var merged = new TreeMap<Long, Map<String, String>>();
        var history = new LinkedHashMap<Long, List<CompanyStore.Change>>();
        var decided = new LinkedHashMap<String, Optional<CompanyFact.Decision>>();
        var carrier = new HashMap<String, Pending>();
        var shownBefore = new HashMap<Long, Map<String, String>>();
        pending.forEach(one -> one.companyId.ifPresent(id -> shownBefore.putIfAbsent(id, one.companyProfile)));
        for (Pending one : pending) {
            one.companyId.ifPresent(company -> one.companyFields.forEach((field, value) -> {
                String key = company + "/" + field;
                Optional<CompanyFact.Decision> decision = decided.computeIfAbsent(
                        key,
                        k -> CompanyFact.decide(
                                Optional.ofNullable(shownBefore.get(company).get(field)),
                                Optional.ofNullable(
                                        pinned.getOrDefault(company, Map.of()).get(field)),
                                tallies.getOrDefault(company, Map.of()).getOrDefault(field, List.of())));
                Pending first = carrier.get(key);
                boolean carries =
                        decision.filter(d -> d.value().equals(value.strip())).isPresent();
                if (first == null
                        || carries
                                && !first.companyFields
                                        .get(field)
                                        .strip()
                                        .equals(decision.get().value())) {
                    carrier.put(key, one);
                }
            }));
        }
        for (Pending one : pending) {
            one.companyId.ifPresent(company -> one.companyFields.forEach((field, value) -> {
                String key = company + "/" + field;
                Optional<CompanyFact.Decision> decision = decided.get(key);
                if (decision.isEmpty()) {
                    return;
                }
                String shown = decision.get().value();
                Optional<String> was =
                        Optional.ofNullable(shownBefore.get(company).get(field));
                if (!was.equals(Optional.of(shown)) && carrier.get(key) == one) {
                    merged.computeIfAbsent(company, c -> new TreeMap<>()).put(field, shown);
                    one.changes.put(field, new LeadEvent.FieldChange(was, shown));
                    history.computeIfAbsent(company, c -> new ArrayList<>())
                            .add(new CompanyStore.Change(
                                    field,
                                    was,
                                    Optional.of(shown),
                                    now,
                                    actor,
                                    Optional.of(one.lead.id()),
                                    decision.get().why()));
                }
                if (!shown.equals(value.strip())) {
                    one.notes.add(field + ": the company keeps '" + shown + "' ("
                            + decision.get().why() + "); this lead's '" + value.strip()
                            + "' is kept as its own report");
                }
            }));
        }
        if (!merged.isEmpty()) {
            leads.mergeCompanyProfiles(merged, now);
            companies.recordAll(history);
        }
    }

    private static void change(
            Map<String, String> profile, String field, String value, Map<String, LeadEvent.FieldChange> changes) {
        String was = profile.get(field);
        String is = value == null ? null : value.strip();
        if (is == null || is.isEmpty() || is.equals(was)) {
            return;
        }
        profile.put(field, is);
        changes.put(field, new LeadEvent.FieldChange(Optional.ofNullable(was), is));
    }
}
