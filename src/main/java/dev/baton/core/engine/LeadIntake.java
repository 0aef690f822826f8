package dev.baton.core.engine;

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
    private final LeadBatch batch;

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
        this.batch = new LeadBatch(leads, companies, active, rescorer);
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

    private List<Upserted> upsertDistinct(List<LeadInput> inputs, String actor) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        return transactions.inTransaction(() -> batch.apply(inputs, actor, clock.instant(), version()));
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
