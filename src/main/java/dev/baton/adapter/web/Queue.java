package dev.baton.adapter.web;

import dev.baton.core.access.Actor;
import dev.baton.core.access.LeadWork;
import dev.baton.core.access.Role;
import dev.baton.core.engine.LeadDetails;
import dev.baton.core.engine.LeadListing;
import dev.baton.core.engine.LeadSearch;
import dev.baton.core.engine.RosterStore;
import dev.baton.core.lifecycle.Stage;
import dev.baton.core.sla.ClockView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A queue of open leads: a rep's own, a manager's team's, everyone's for revops and admins; each with the clock that
 * runs out first, nearest deadline first.
 */
final class Queue {

    private static final Set<Stage> OPEN = EnumSet.of(Stage.MQL, Stage.ACCEPTED);
    private static final int MOST = 200;

    private final LeadListing listing;
    private final LeadWork work;
    private final RosterStore roster;
    private final Clock clock;

    Queue(LeadListing listing, LeadWork work, RosterStore roster, Clock clock) {
        this.listing = listing;
        this.work = work;
        this.roster = roster;
        this.clock = clock;
    }

    /** One lead of the queue and the clock that runs out first, if one runs. */
    record Row(LeadDetails lead, Optional<ClockView> next, String due, boolean late) {
        public String name() {
            String first = lead.profile().getOrDefault("lead.first_name", "");
            String last = lead.profile().getOrDefault("lead.last_name", "");
            String name = (first + " " + last).strip();
            return name.isEmpty() ? lead.email() : name;
        }

        public String company() {
            return lead.company().getOrDefault("company.name", lead.company().getOrDefault("name", ""));
        }

        public String clock() {
            return next.map(ClockView::clock).orElse("");
        }

        public String score() {
            return lead.score().map(String::valueOf).orElse("—");
        }
    }

    /** Whose leads the actor's queue holds; empty when it holds everyone's. */
    Optional<Set<String>> owners(Actor actor) {
        if (actor.has(Role.ADMIN) || actor.has(Role.REVOPS)) {
            return Optional.empty();
        }
        var owners = new LinkedHashSet<String>();
        if (actor.has(Role.REP)) {
            owners.add(actor.name());
        }
        if (actor.has(Role.SALES_MANAGER)) {
            for (RosterStore.TeamRoster team : roster.teams(clock.instant())) {
                if (team.manager().equalsIgnoreCase(actor.name())) {
                    team.members().forEach(member -> owners.add(member.rep().toLowerCase(Locale.ROOT)));
                }
            }
        }
        return Optional.of(owners);
    }

    List<Row> rows(Actor actor) {
        Optional<Set<String>> owners = owners(actor);
        var ids = new ArrayList<Long>();
        if (owners.isEmpty()) {
            ids.addAll(find(Optional.empty()));
        } else {
            for (String owner : owners.get()) {
                ids.addAll(find(Optional.of(owner)));
            }
        }
        Instant now = clock.instant();
        return work.listed(ids.stream().distinct().toList()).stream()
                .map(lead -> row(lead, now))
                .sorted(Comparator.comparing(
                        (Row row) -> row.next().map(ClockView::deadline).orElse(Instant.MAX)))
                .toList();
    }

    Row row(long id) {
        return row(work.details(id), clock.instant());
    }

    /** Whether the lead is still one this queue shows. */
    boolean holds(Actor actor, LeadDetails lead) {
        boolean open = OPEN.stream().anyMatch(stage -> stage.word().equals(lead.stage()));
        return open
                && owners(actor)
                        .map(o -> lead.owner().map(o::contains).orElse(false))
                        .orElse(true);
    }

    private List<Long> find(Optional<String> owner) {
        LeadSearch search = new LeadSearch(
                OPEN,
                owner,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                LeadSearch.Sort.EARLIEST_QUALIFIED,
                Optional.empty(),
                MOST);
        return listing.find(search).leads().stream().map(LeadListing.Listed::id).toList();
    }

    private static Row row(LeadDetails lead, Instant now) {
        Optional<ClockView> next = lead.clocks().stream()
                .filter(c -> c.state().equals("running") || c.state().equals("breached"))
                .filter(c -> c.metAt().isEmpty() && c.stoppedAt().isEmpty())
                .min(Comparator.comparing(ClockView::deadline));
        boolean late = next.map(c -> !c.deadline().isAfter(now)).orElse(false);
        String due = next.map(c -> late
                        ? "late by " + words(Duration.between(c.deadline(), now)) + " (wall time)"
                        : words(c.businessTimeLeft()) + " of business time left")
                .orElse("no clock running");
        return new Row(lead, next, due, late);
    }

    /** A duration as a person reads it: 2 h 05 min, 3 d 4 h. */
    static String words(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes >= 24 * 60) {
            return minutes / (24 * 60) + " d " + (minutes % (24 * 60)) / 60 + " h";
        }
        if (minutes >= 60) {
            return minutes / 60 + " h " + String.format(Locale.ROOT, "%02d", minutes % 60) + " min";
        }
        return minutes + " min";
    }
}
