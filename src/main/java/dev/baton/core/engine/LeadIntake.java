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

    /** What happened to one event of a batch. */
    public record EventResult(String eventId, Status status, Optional<Long> leadId) {
        /** Stored now, or already stored earlier (a replay, which changes nothing). */
        public enum Status {
            STORED,
            DUPLICATE
        }
    }

    private final LeadStore leads;
    private final EngagementStore engagement;
    private final ActiveAgreement active;
    private final Transactions transactions;
    private final Clock clock;
    private final Rescorer rescorer;

    public LeadIntake(
            LeadStore leads,
            EngagementStore engagement,
            ActiveAgreement active,
            Transactions transactions,
            Clock clock,
            RosterStore roster,
            SlaClocks clocks,
            NoticeWriter notices) {
        this.leads = leads;
        this.engagement = engagement;
        this.active = active;
        this.transactions = transactions;
        this.clock = clock;
        this.rescorer = new Rescorer(leads, roster, engagement, clocks, notices);
    }

    /** Creates or updates a lead and its company; returns the lead as it now stands. */
    public StoredLead upsert(LeadInput input, String actor) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            StoredLead lead = leads.lockOrCreate(input.email(), now);
            if (lead.created()) {
                leads.append(
                        lead.id(),
                        new HistoryEntry(
                                new LeadEvent.LeadCreated(lead.email().address(), now, actor), "api", version()));
            }
            mergeProfile(lead, input.fields(), actor, now);
            StoredLead merged = leads.lock(lead.id()).orElseThrow();
            rescore(merged, now, "profile changed");
            StoredLead stored = leads.find(lead.id()).orElseThrow();
            return lead.created() ? stored.asCreated() : stored;
        });
    }

    private void mergeProfile(StoredLead lead, Map<String, String> fields, String actor, Instant now) {
        var leadFields = new TreeMap<String, String>();
        var companyFields = new TreeMap<String, String>();
        fields.forEach((field, value) -> (field.startsWith("company.") ? companyFields : leadFields).put(field, value));
        Map<String, LeadEvent.FieldChange> changes = new LinkedHashMap<>();
        var profile = new TreeMap<>(lead.profile());
        leadFields.forEach((field, value) -> change(profile, field, value, changes));
        if (!changes.isEmpty()) {
            leads.saveProfile(lead.id(), profile, now);
        }
        Optional<String> domain = Optional.ofNullable(companyFields.get("company.domain"))
                .map(written -> written.toLowerCase(java.util.Locale.ROOT))
                .filter(d -> !Email.isFreeMail(d))
                .or(() -> lead.email().companyDomain());
        if (domain.isPresent()) {
            StoredLead current = lead;
            if (lead.companyId().isEmpty()) {
                leads.linkCompany(lead.id(), leads.companyWithDomain(domain.get(), now));
                changes.put("company.domain", new LeadEvent.FieldChange(Optional.empty(), domain.get()));
                current = leads.lock(lead.id()).orElseThrow();
            }
            var company = new TreeMap<>(current.companyProfile());
            var companyChanges = new LinkedHashMap<String, LeadEvent.FieldChange>();
            companyFields.forEach((field, value) -> change(company, field, value, companyChanges));
            if (!companyChanges.isEmpty()) {
                var merged = new TreeMap<String, String>();
                companyChanges.keySet().forEach(field -> merged.put(field, company.get(field)));
                leads.mergeCompanyProfile(current.companyId().orElseThrow(), merged, now);
                changes.putAll(companyChanges);
            }
        }
        if (!changes.isEmpty()) {
            leads.append(
                    lead.id(),
                    new HistoryEntry(new LeadEvent.LeadFieldsChanged(changes, now, actor), "api", version()));
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
