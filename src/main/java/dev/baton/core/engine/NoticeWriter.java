package dev.baton.core.engine;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.AgreementDiff;
import dev.baton.core.agreement.ChannelKind;
import dev.baton.core.agreement.NoticeKind;
import dev.baton.core.handoff.HandoffPacket;
import dev.baton.core.notification.AgreementSummary;
import dev.baton.core.notification.Notice;
import dev.baton.core.notification.Notices;
import dev.baton.core.sla.Clock;
import dev.baton.core.sla.ClockEvent;
import dev.baton.core.sla.ClockView;
import dev.baton.core.timeline.LeadEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes the notices a change causes into the outbox, in the change's own transaction: the handoff when routing gives
 * an MQL to a rep, and the reminders, breaches and reassignments the timers find. Who hears of it, over which kinds
 * of channel, is the policy of the agreement that qualified the lead.
 */
public final class NoticeWriter {

    private final Outbox outbox;
    private final Handoffs handoffs;
    private final ActiveAgreement agreements;
    private final Supplier<Set<ChannelKind>> configured;
    private final String baseUrl;
    private final java.time.Clock clock;

    public NoticeWriter(
            Outbox outbox,
            Handoffs handoffs,
            ActiveAgreement agreements,
            Supplier<Set<ChannelKind>> configured,
            String baseUrl,
            java.time.Clock clock) {
        this.outbox = outbox;
        this.handoffs = handoffs;
        this.agreements = agreements;
        this.configured = configured;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /**
     * The notices that the lead events just written cause, in their transaction: the handoff when routing gave an MQL
     * to a rep, and the reminders, breaches and reassignments the timers found due.
     */
    public void on(List<LeadStore.LeadEntry> written) {
        if (configured.get().isEmpty()) {
            return;
        }
        var clockEvents = new LinkedHashMap<Long, List<ClockEvent>>();
        var versions = new HashMap<Long, Integer>();
        for (LeadStore.LeadEntry entry : written) {
            Optional<Integer> version = entry.entry().agreementVersion();
            LeadEvent event = entry.entry().event();
            if (version.isEmpty()) {
                continue;
            }
            if (event instanceof LeadEvent.LeadRouted routed) {
                handedOff(entry.leadId(), version.get(), routed.at());
            } else if (event instanceof LeadEvent.ClockHappened happened) {
                clockEvents
                        .computeIfAbsent(entry.leadId(), lead -> new ArrayList<>())
                        .add(happened.event());
                versions.put(entry.leadId(), version.get());
            }
        }
        clockEvents.forEach((lead, events) -> clockEvents(lead, versions.get(lead), events));
    }

    /** Routing gave the MQL to a rep: the rep (and whoever the policy names) gets the handoff packet. */
    private void handedOff(long leadId, int version, Instant at) {
        HandoffPacket packet = handoffs.packet(leadId);
        write(
                version,
                packet,
                new Notices.Happening(NoticeKind.HANDOFF, "New MQL for you", "handoff " + at, Optional.empty()));
    }

    /** The timers found reminders, breaches or reassignments due for the lead: one brief packet serves them all. */
    private void clockEvents(long leadId, int version, List<ClockEvent> events) {
        var happenings = new ArrayList<Notices.Happening>();
        for (ClockEvent event : events) {
            happening(event, version).ifPresent(happenings::add);
        }
        if (happenings.isEmpty()) {
            return;
        }
        HandoffPacket packet = handoffs.brief(leadId);
        happenings.forEach(happening -> write(version, packet, happening));
    }

    private Optional<Notices.Happening> happening(ClockEvent event, int version) {
        Clock clock = event.clock();
        String what = "the " + clock.kind().word() + " deadline";
        String id = event.getClass().getSimpleName() + " " + clock.kind().word() + " " + clock.cycle() + " "
                + clock.startedAt() + " " + event.at();
        ClockView view = ClockView.of(clock, agreements.version(version).sla().calendarOf(clock), this.clock.instant());
        if (event instanceof ClockEvent.ReminderDue) {
            return Optional.of(new Notices.Happening(
                    NoticeKind.REMINDER, "Reminder: " + what + " is near", id, Optional.of(view)));
        }
        if (event instanceof ClockEvent.ClockBreached) {
            return Optional.of(
                    new Notices.Happening(NoticeKind.BREACH, "Missed: " + what + " passed", id, Optional.of(view)));
        }
        if (event instanceof ClockEvent.ReassignmentDue) {
            return Optional.of(new Notices.Happening(
                    NoticeKind.REASSIGNMENT,
                    "Reassigned after " + clock.rep().orElse("the rep") + " missed " + what,
                    id,
                    Optional.of(view)));
        }
        return Optional.empty();
    }

    /** A version became active: the roles the policy names get its summary and its diff from the version before. */
    public void activated(int version, Agreement agreement, String actor, Optional<AgreementDiff> diff) {
        if (configured.get().isEmpty()) {
            return;
        }
        AgreementSummary summary = AgreementSummary.of(version, agreement, actor, diff);
        outbox.add(new Notices(agreement, configured.get(), baseUrl).activated(summary), clock.instant());
    }

    private void write(int version, HandoffPacket packet, Notices.Happening happening) {
        var notices = new Notices(agreements.version(version).agreement(), configured.get(), baseUrl);
        List<Notice> made = notices.about(packet, happening);
        outbox.add(made, clock.instant());
    }
}
