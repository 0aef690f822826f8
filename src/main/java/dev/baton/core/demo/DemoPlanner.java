package dev.baton.core.demo;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.ReasonCode;
import dev.baton.core.calendar.BusinessCalendar;
import dev.baton.core.calendar.Span;
import dev.baton.core.demo.Profiles.Company;
import dev.baton.core.demo.Profiles.Person;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.Facts;
import dev.baton.core.scoring.ScoreCard;
import dev.baton.core.scoring.Scorer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * Plans a funnel for the example agreement ({@code saas-north-america-europe.yaml}): leads arrive from sources of
 * different quality over the months before {@code to}, engage, and — where the agreement's own scorer says so —
 * qualify; their reps then accept or reject them, touch, qualify, open, win and lose, some late enough to breach a
 * service level, a few handed to a teammate; some sent back come again after their cool-off. The same agreement, seed
 * and end give the same plan.
 */
public final class DemoPlanner {

    public static final long DEFAULT_SEED = 20260501L;

    private final Agreement agreement;
    private final Scorer scorer;
    private final Random random;
    private final Profiles profiles;
    private final Instant from;
    private final Instant to;
    private final List<Move> moves = new ArrayList<>();
    private final List<DemoPlan.Qualification> qualifications = new ArrayList<>();
    private final Handoffs handoffs;
    private int events;

    private DemoPlanner(Agreement agreement, long seed, Instant from, Instant to) {
        this.agreement = agreement;
        this.scorer = new Scorer(agreement);
        this.random = new Random(seed);
        this.profiles = new Profiles(random);
        this.from = from;
        this.to = to;
        this.handoffs = new Handoffs(agreement, random, profiles, moves);
    }

    /** A plan of {@code leads} leads arriving over the {@code months} before {@code to} (taken down to a tick). */
    public static DemoPlan plan(Agreement agreement, long seed, Instant to, int months, int leads) {
        Instant end = DemoPlan.tick(to).equals(to) ? to : DemoPlan.tick(to).minus(DemoPlan.TICK);
        Instant start = end.atZone(java.time.ZoneOffset.UTC).minusMonths(months).toInstant();
        return new DemoPlanner(agreement, seed, start, end).build(seed, leads);
    }

    private DemoPlan build(long seed, int count) {
        List<Company> companies = profiles.companies(Math.max(1, count * 2 / 5));
        var leads = new ArrayList<DemoLead>();
        for (int i = 0; i < count; i++) {
            leads.add(lead(profiles.pick(companies)));
        }
        List<Move> inTime = moves.stream()
                .filter(move -> move.at().isBefore(to))
                .sorted(Comparator.comparing(Move::at))
                .toList();
        return new DemoPlan(seed, from, to, leads, inTime, qualifications);
    }

    private DemoLead lead(Company company) {
        Source source = profiles.pickWeighted(List.of(Source.values()), Source.weights());
        Person person = profiles.person(company, source.quality);
        String campaign = profiles.pick(source.campaigns);
        String team = company.northAmerican() ? "na-mid-market" : "europe";
        BusinessCalendar calendar = handoffs.calendarOf(team);
        Instant arrived = arrival(calendar.zone());
        var fields = new TreeMap<String, String>(company.fields());
        fields.put("lead.first_name", person.firstName());
        fields.put("lead.last_name", person.lastName());
        fields.put("lead.title", person.title());
        fields.put("lead.source", source.word);
        fields.put("lead.campaign", campaign);
        fields.put("lead.country", company.country());
        moves.add(new Move.Arrive(arrived, person.email(), fields));
        var facts = new TreeMap<String, String>(fields);
        facts.put("lead.email", person.email());
        Journey journey = new Journey(person.email(), new Facts(facts), source, campaign, company, team, calendar);
        Optional<ScoreCard> qualified =
                engage(journey, arrived, firstEvents(source, campaign), random.nextDouble() < source.intent);
        qualified.ifPresent(card -> handoff(journey, card, 1));
        return new DemoLead(person.email(), source.word, campaign, team, company.country());
    }

    /** The lead's way through sales, and its second cycle when sales sent it back to come again later. */
    private void handoff(Journey journey, ScoreCard card, int cycle) {
        qualifications.add(new DemoPlan.Qualification(journey.email(), cycle, card.at()));
        double quality = journey.source().quality
                + (cycle > 1 ? 0.15 : 0)
                + (journey.company().icp() ? 0.05 : -0.15);
        Optional<Move.Reject> rejected = handoffs.handOff(journey, card.at(), card.isPriority(), quality);
        if (rejected.isPresent() && cycle == 1 && random.nextDouble() < 0.7) {
            ReasonCode code = agreement.reasonCode(rejected.get().reasonCode()).orElseThrow();
            code.coolOff().ifPresent(coolOff -> {
                Instant back = agreement
                        .calendar()
                        .calendar()
                        .plus(rejected.get().at(), coolOff)
                        .plus(Duration.ofDays(profiles.between(1, 25)));
                engage(journey, back, List.of(webinar(journey.campaign())), true)
                        .ifPresent(again -> handoff(journey, again, 2));
            });
        }
    }

    /**
     * Adds the events, and for a keen lead a burst of follow-ups; returns the score card at the tick scoring qualifies
     * the lead (only these events count, as for a lead sent back), if it does before the plan ends.
     */
    private Optional<ScoreCard> engage(Journey journey, Instant start, List<Event> first, boolean keen) {
        var evidence = new ArrayList<EngagementEvent>();
        Instant at = start;
        int followUps = keen ? profiles.between(3, 6) : profiles.between(0, 3);
        for (int i = 0; i < first.size() + followUps; i++) {
            Event event = i < first.size() ? first.get(i) : keen ? keenEvent() : idleEvent();
            if (i > 0) {
                at = keen
                        ? at.plus(Duration.ofMinutes(profiles.between(10, 28 * 60)))
                        : at.plus(Duration.ofHours(profiles.between(20, 20 * 24)));
            }
            if (!at.isBefore(to)) {
                return Optional.empty();
            }
            String id = "demo-" + (++events);
            moves.add(new Move.Engage(at, journey.email(), id, event.type(), event.properties()));
            evidence.add(new EngagementEvent(id, event.type(), at, event.properties()));
            ScoreCard card = scorer.score(journey.facts(), evidence, DemoPlan.tick(at));
            if (card.mql().qualified()) {
                return Optional.of(card);
            }
        }
        return Optional.empty();
    }

    private List<Event> firstEvents(Source source, String campaign) {
        return switch (source) {
            case WEBINAR -> List.of(webinar(campaign));
            case DEMO_REQUEST ->
                List.of(
                        page("/product", campaign),
                        new Event("form_submitted", Map.of("form", "demo", "campaign", campaign)));
            case EVENT -> List.of(new Event("event_attended", Map.of("event", campaign, "campaign", campaign)));
            case CONTENT -> List.of(new Event("content_downloaded", Map.of("content", campaign, "campaign", campaign)));
            case ORGANIC -> List.of(page("/blog/lead-response-time", campaign));
            case PAID_SOCIAL -> List.of(page("/lp/sla-calculator", campaign));
        };
    }

    private Event keenEvent() {
        return profiles.pickWeighted(
                List.of(
                        page("/pricing", ""),
                        page("/product", ""),
                        new Event("content_downloaded", Map.of("content", "roi-calculator")),
                        new Event("email_clicked", Map.of("campaign", "monthly-newsletter")),
                        webinar("webinar-revops-benchmarks"),
                        new Event("form_submitted", Map.of("form", "demo"))),
                new int[] {4, 3, 2, 2, 1, 1});
    }

    private Event idleEvent() {
        return random.nextBoolean()
                ? page("/blog/" + profiles.pick(List.of("mql-definition", "sla-basics", "lead-scoring-101")), "")
                : new Event("email_clicked", Map.of("campaign", "monthly-newsletter"));
    }

    private static Event webinar(String campaign) {
        return new Event("webinar_attended", Map.of("webinar", campaign, "campaign", campaign));
    }

    private static Event page(String url, String campaign) {
        return new Event(
                "page_view", campaign.isEmpty() ? Map.of("url", url) : Map.of("url", url, "utm_campaign", campaign));
    }

    /** Leads come more often as the months go by, mostly on weekdays in working hours of their region. */
    private Instant arrival(ZoneId zone) {
        long days = Duration.between(from, to).toDays();
        LocalDate first = LocalDate.ofInstant(from, zone);
        while (true) {
            int day = random.nextInt((int) days);
            LocalDate date = first.plusDays(day);
            boolean weekend = date.getDayOfWeek().getValue() >= 6;
            if (random.nextDouble() < 0.7 + 0.3 * day / days && (!weekend || random.nextDouble() < 0.2)) {
                Instant at = date.atTime(LocalTime.of(profiles.between(7, 19), random.nextInt(60)))
                        .atZone(zone)
                        .toInstant();
                if (at.isAfter(from) && at.isBefore(to)) {
                    return at;
                }
            }
        }
    }

    /** Business time on the team's calendar: {@code minutes} business minutes after {@code at}. */
    static Instant business(BusinessCalendar calendar, Instant at, int minutes) {
        return calendar.plus(at, Span.business(minutes, Span.Unit.MINUTES));
    }

    record Event(String type, Map<String, String> properties) {}

    record Journey(
            String email,
            Facts facts,
            Source source,
            String campaign,
            Company company,
            String team,
            BusinessCalendar calendar) {}
}
