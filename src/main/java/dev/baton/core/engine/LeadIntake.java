package dev.baton.core.engine;

import dev.baton.core.lead.CompanyFact;
import dev.baton.core.lead.Email;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.RawEvent;
import dev.baton.core.timeline.HistoryEntry;
import dev.baton.core.timeline.LeadEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Takes in leads and their engagement: merges profiles field by field, stores each event once, attaches an anonymous
 * visitor's events when the visitor is identified, and rescores every touched lead — qualifying it in the same
 * transaction when the active agreement's MQL rule is met.
 */
public final class LeadIntake {

    /** How far in the future an event or change may claim to be, for clocks that are slightly off. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** A lead as a caller sends it: its email and the fields it knows, as {@code lead.*} and {@code company.*}. */
    public record LeadInput(Email email, Map<String, String> fields) {
        public LeadInput {
            fields = Map.copyOf(fields);
        }
    }

    /**
     * A lead after an upsert: whether anything of it or its company changed, and what the caller should know about
     * how its fields were taken (for example company facts kept as a free-mail lead's own company).
     */
    public record Upserted(StoredLead lead, boolean changed, List<String> notes) {
        public Upserted {
            notes = List.copyOf(notes);
        }
    }

    /** What happened to one event of a batch. */
    public record EventResult(String eventId, Status status, Optional<Long> leadId) {
        /** Stored now, or already stored earlier (a replay, which changes nothing). */
        public enum Status {
            STORED,
            DUPLICATE
        }
    }

    private final LeadStore leads;
    private final CompanyStore companies;
    private final EngagementStore engagement;
    private final ActiveAgreement active;
    private final Transactions transactions;
    private final Clock clock;
    private final Rescorer rescorer;

    public LeadIntake(
            LeadStore leads,
            CompanyStore companies,
            EngagementStore engagement,
            ActiveAgreement active,
            Transactions transactions,
            Clock clock,
            RosterStore roster,
            SlaClocks clocks,
            NoticeWriter notices) {
        this.leads = leads;
        this.companies = companies;
        this.engagement = engagement;
        this.active = active;
        this.transactions = transactions;
        this.clock = clock;
        this.rescorer = new Rescorer(leads, roster, engagement, clocks, notices);
    }

    /** Creates or updates a lead and its company; returns the lead as it now stands. */
    public Upserted upsert(LeadInput input, String actor) {
        return upsertAll(List.of(input), actor).get(0);
    }

    /**
     * Creates or updates many leads at once, as {@link #upsert} does each, with a few statements for the whole batch
     * rather than several for each lead; an email given twice is applied in order. The company fields of leads of one
     * company are decided together, after all their claims (the end state a lead-by-lead upsert reaches).
     */
    public List<Upserted> upsertAll(List<LeadInput> inputs, String actor) {
        var results = new ArrayList<Upserted>();
        var batch = new ArrayList<LeadInput>();
        var seen = new HashSet<Email>();
        for (LeadInput input : inputs) {
            if (!seen.add(input.email())) {
                results.addAll(upsertDistinct(batch, actor));
                batch.clear();
                seen.clear();
                seen.add(input.email());
            }
            batch.add(input);
        }
        results.addAll(upsertDistinct(batch, actor));
        return results;
    }

    /** One lead's part of a batch: its input, the lead as locked, and what the batch changes of it. */
    private static final class Pending {
        final LeadInput input;
        final StoredLead lead;
        final Map<String, LeadEvent.FieldChange> changes = new LinkedHashMap<>();
        final Map<String, String> companyFields = new TreeMap<>();
        final List<String> notes = new ArrayList<>();
        Optional<Long> companyId;
        Map<String, String> companyProfile;

        Pending(LeadInput input, StoredLead lead) {
            this.input = input;
            this.lead = lead;
            this.companyId = lead.companyId();
            this.companyProfile = lead.companyProfile();
        }
    }

    private List<Upserted> upsertDistinct(List<LeadInput> inputs, String actor) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<Integer> version = version();
            Map<String, StoredLead> locked =
                    leads.lockOrCreateAll(inputs.stream().map(LeadInput::email).toList(), now);
            var pending = new ArrayList<Pending>();
            var entries = new ArrayList<LeadStore.LeadEntry>();
            var profiles = new LinkedHashMap<Long, Map<String, String>>();
            var byDomain = new LinkedHashMap<Pending, String>();
            for (LeadInput input : inputs) {
                var one = new Pending(input, locked.get(input.email().address()));
                pending.add(one);
                if (one.lead.created()) {
                    entries.add(new LeadStore.LeadEntry(
                            one.lead.id(),
                            new HistoryEntry(
                                    new LeadEvent.LeadCreated(input.email().address(), now, actor), "api", version)));
                }
                var profile = new TreeMap<>(one.lead.profile());
                input.fields().forEach((field, value) -> {
                    if (field.startsWith("company.")) {
                        one.companyFields.put(field, value);
                    } else {
                        change(profile, field, value, one.changes);
                    }
                });
                if (!one.changes.isEmpty()) {
                    profiles.put(one.lead.id(), profile);
                }
                Optional<String> written = Optional.ofNullable(one.companyFields.remove("company.domain"))
                        .map(domain -> domain.strip().toLowerCase(java.util.Locale.ROOT));
                Optional<String> domain = written.filter(d -> !Email.isFreeMail(d))
                        .or(() -> one.lead.email().companyDomain());
                one.companyFields.values().removeIf(value -> value == null || value.isBlank());
                if (one.companyId.isEmpty() && domain.isPresent()) {
                    byDomain.put(one, domain.get());
                } else if (one.companyId.isEmpty() && !one.companyFields.isEmpty()) {
                    one.companyId = Optional.of(companies.ownCompany(now));
                    one.companyProfile = Map.of();
                    leads.linkCompany(one.lead.id(), one.companyId.get());
                    one.notes.add(one.lead.email().domain() + " is a free-mail domain, so the company facts are kept"
                            + " as this lead's own company, matched to no other lead by domain");
                }
            }
            var links = new LinkedHashMap<Long, Long>();
            if (!byDomain.isEmpty()) {
                Map<String, Long> ids = leads.companiesWithDomains(new java.util.TreeSet<>(byDomain.values()), now);
                byDomain.forEach((one, domain) -> {
                    one.companyId = Optional.of(ids.get(domain));
                    links.put(one.lead.id(), ids.get(domain));
                    one.changes.put("company.domain", new LeadEvent.FieldChange(Optional.empty(), domain));
                });
                Map<Long, Map<String, String>> current = leads.companyProfiles(links.values());
                byDomain.keySet()
                        .forEach(one -> one.companyProfile = current.getOrDefault(one.companyId.get(), Map.of()));
            }
            claimAll(pending, actor, now);
            leads.saveProfiles(profiles, links, now);
            for (Pending one : pending) {
                if (!one.changes.isEmpty()) {
                    entries.add(new LeadStore.LeadEntry(
                            one.lead.id(),
                            new HistoryEntry(
                                    new LeadEvent.LeadFieldsChanged(one.changes, now, actor), "api", version())));
                }
            }
            leads.appendAll(entries);
            List<Long> ids = pending.stream().map(one -> one.lead.id()).toList();
            active.current()
                    .ifPresent(agreement -> rescorer.rescoreAll(
                            leads.findAll(ids), Map.of(), Set.of(), agreement, now, "profile changed"));
            Map<Long, StoredLead> stored = new HashMap<>();
            leads.findAll(ids).forEach(lead -> stored.put(lead.id(), lead));
            return pending.stream()
                    .map(one -> {
                        StoredLead lead = stored.get(one.lead.id());
                        return new Upserted(
                                one.lead.created() ? lead.asCreated() : lead,
                                one.lead.created() || !one.changes.isEmpty(),
                                one.notes);
                    })
                    .toList();
        });
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

    /**
     * Sets facts on the company itself: they win over what its leads report until set again. Each change is in the
     * company's history and the company's leads are rescored.
     */
    public List<CompanyStore.Change> updateCompany(long companyId, Map<String, String> fields, String actor) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            List<Long> members = companies.leadsOf(companyId);
            Map<String, String> profile = members.isEmpty()
                    ? Map.of()
                    : leads.find(members.get(0)).orElseThrow().companyProfile();
            var pins = new TreeMap<String, String>();
            var merged = new TreeMap<String, String>();
            var changes = new ArrayList<CompanyStore.Change>();
            fields.forEach((field, value) -> {
                String is = value.strip();
                if (is.isEmpty() || field.equals("company.domain")) {
                    return;
                }
                pins.put(field, is);
                if (!is.equals(profile.get(field))) {
                    merged.put(field, is);
                    changes.add(new CompanyStore.Change(
                            field,
                            Optional.ofNullable(profile.get(field)),
                            Optional.of(is),
                            now,
                            actor,
                            Optional.empty(),
                            "set on the company"));
                }
            });
            companies.pin(companyId, pins);
            if (!merged.isEmpty()) {
                leads.mergeCompanyProfile(companyId, merged, now);
                companies.record(companyId, changes);
                for (long member : members) {
                    rescore(leads.lock(member).orElseThrow(), now, "company changed");
                }
            }
            return changes;
        });
    }

    /** How many leads routing gave to a rep, and how many it left in a queue. */
    public record Routed(int toReps, int queued) {}

    /**
     * Routes those of the leads that are open MQLs with neither an owner nor a queue — as an import of past stage
     * changes leaves them — as a live MQL is routed: now, under the active agreement, with their clocks starting now.
     */
    public Routed routeWaiting(java.util.Collection<Long> leadIds, String cause) {
        return transactions.inTransaction(() -> {
            Optional<ActiveAgreement.Running> agreement = active.current();
            if (agreement.isEmpty()) {
                return new Routed(0, 0);
            }
            Instant now = clock.instant();
            int toReps = 0;
            int queued = 0;
            for (long id : leads.unroutedMqls(leadIds)) {
                StoredLead lead = leads.lock(id).orElseThrow();
                List<LeadStore.LeadEntry> entries = rescorer.route(lead, agreement.get(), now, cause);
                leads.appendAll(entries);
                if (entries.get(0).entry().event() instanceof LeadEvent.LeadRouted) {
                    toReps++;
                } else {
                    queued++;
                }
            }
            return new Routed(toReps, queued);
        });
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

    /**
     * Stores a batch of events, each once, and rescores the leads they touch, all in one transaction. The leads are
     * read without locks and each new score is written only if its lead is unchanged meanwhile (see
     * {@link Rescorer#rescoreUnlocked}), so concurrent batches about the same leads wait for each other only while
     * they write.
     */
    public List<EventResult> ingest(List<RawEvent> batch, String actor) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
                    throw new BatonException.Invalid(
                            "events[" + i + "].occurredAt",
                            "occurredAt " + batch.get(i).occurredAt() + " is in the future (now is " + now + ")");
                }
            }
            var touched = new TreeSet<Long>();
            var reread = new HashSet<Long>();
            var read = new HashMap<Long, StoredLead>();
            List<Optional<Long>> owners = resolve(batch, actor, now, touched, reread, read);
            var placed = new ArrayList<EngagementStore.Placed>();
            for (int i = 0; i < batch.size(); i++) {
                placed.add(new EngagementStore.Placed(batch.get(i), owners.get(i)));
            }
            Set<String> stored = engagement.addAll(placed, now);
            var results = new ArrayList<EventResult>();
            var seen = new HashSet<String>();
            var fresh = new HashMap<Long, List<EngagementEvent>>();
            for (EngagementStore.Placed event : placed) {
                boolean isNew = stored.contains(event.event().eventId())
                        && seen.add(event.event().eventId());
                if (isNew && event.leadId().isPresent()) {
                    touched.add(event.leadId().get());
                    fresh.computeIfAbsent(event.leadId().get(), id -> new ArrayList<>())
                            .add(event.event().engagement());
                }
                results.add(new EventResult(
                        event.event().eventId(),
                        isNew ? EventResult.Status.STORED : EventResult.Status.DUPLICATE,
                        event.leadId()));
            }
            active.current().ifPresent(agreement -> {
                List<Long> unread =
                        touched.stream().filter(id -> !read.containsKey(id)).toList();
                leads.findAll(unread).forEach(lead -> read.put(lead.id(), lead));
                rescorer.rescoreUnlocked(
                        touched.stream().map(read::get).toList(), fresh, reread, agreement, now, "engagement received");
            });
            return results;
        });
    }

    /** The lead each event belongs to: by id, by email (created if new), or by an identified visitor. */
    private List<Optional<Long>> resolve(
            List<RawEvent> batch,
            String actor,
            Instant now,
            Set<Long> touched,
            Set<Long> reread,
            Map<Long, StoredLead> read) {
        var ids = new TreeSet<Long>();
        var emails = new LinkedHashSet<Email>();
        var visitors = new TreeSet<String>();
        for (RawEvent event : batch) {
            event.leadId().ifPresent(ids::add);
            if (event.leadId().isEmpty()) {
                event.email().ifPresent(emails::add);
            }
            if (event.leadId().isEmpty() && event.email().isEmpty()) {
                event.visitorId().ifPresent(visitors::add);
            }
        }
        if (!ids.isEmpty()) {
            leads.findAll(ids).forEach(lead -> read.put(lead.id(), lead));
        }
        Set<Long> existing = read.keySet();
        for (int i = 0; i < batch.size(); i++) {
            Optional<Long> id = batch.get(i).leadId();
            if (id.isPresent() && !existing.contains(id.get())) {
                throw new BatonException.Invalid("events[" + i + "].leadId", "there is no lead " + id.get());
            }
        }
        Map<String, StoredLead> byEmail = emails.isEmpty() ? Map.of() : leads.lockOrCreateAll(emails, now);
        byEmail.values().forEach(lead -> read.put(lead.id(), lead));
        var created = new ArrayList<LeadStore.LeadEntry>();
        byEmail.values().stream()
                .filter(StoredLead::created)
                .forEach(lead -> created.add(new LeadStore.LeadEntry(
                        lead.id(),
                        new HistoryEntry(
                                new LeadEvent.LeadCreated(lead.email().address(), now, actor),
                                "engagement received",
                                version()))));
        leads.appendAll(created);
        Map<String, Long> identified = visitors.isEmpty() ? Map.of() : engagement.leadsOfVisitors(visitors);
        var owners = new ArrayList<Optional<Long>>();
        for (RawEvent event : batch) {
            Optional<Long> lead = event.leadId()
                    .or(() -> event.email()
                            .map(email -> byEmail.get(email.address()).id()));
            if (lead.isEmpty()) {
                owners.add(event.visitorId().map(identified::get));
                continue;
            }
            event.visitorId().ifPresent(visitor -> identify(visitor, lead.get(), event, actor, now, touched, reread));
            owners.add(lead);
        }
        return owners;
    }

    private void identify(
            String visitor, long lead, RawEvent event, String actor, Instant now, Set<Long> touched, Set<Long> reread) {
        int attached = engagement.attachVisitor(visitor, lead);
        if (attached > 0) {
            touched.add(lead);
            reread.add(lead);
            leads.append(
                    lead,
                    new HistoryEntry(
                            new LeadEvent.VisitorIdentified(visitor, attached, now, actor),
                            "event " + event.eventId(),
                            version()));
        }
    }

    /** Scores the lead now and, when the MQL rule is met, qualifies it; the lead must be locked. */
    private void rescore(StoredLead lead, Instant now, String cause) {
        active.current()
                .ifPresent(agreement -> rescorer.rescoreAll(List.of(lead), Map.of(), Set.of(), agreement, now, cause));
    }

    private Optional<Integer> version() {
        return active.current().map(ActiveAgreement.Running::version);
    }
}
