package dev.baton.core.handoff;

import dev.baton.core.lead.Amounts;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.scoring.ScoreCard;
import dev.baton.core.scoring.ScoreLine;
import dev.baton.core.sla.ClockView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything marketing knows about an MQL, for the rep who calls it: who the lead and company are, the score with
 * every rule that fired, every touchpoint in time order and a summary of them, why it qualified now, its priority,
 * the agreement version, the routing decision, and the service-level deadlines that apply.
 */
public record HandoffPacket(
        long leadId,
        String email,
        Map<String, String> lead,
        Map<String, String> company,
        String stage,
        ScoreCard score,
        List<EngagementEvent> touchpoints,
        List<Touchpoints> summary,
        Optional<String> whyQualified,
        Optional<Instant> qualifiedAt,
        Optional<Integer> agreementVersion,
        Routing routing,
        List<ClockView> clocks) {

    /** The touchpoints of one kind (an event type, and the page or content for views and downloads). */
    public record Touchpoints(String kind, int count, Instant first, Instant last) {}

    /** Who owns the lead or which queue holds it, and why. */
    public record Routing(
            Optional<String> owner, Optional<String> team, Optional<String> queue, Optional<Instant> at, String why) {}

    /** A service-level deadline that applies to the lead. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public HandoffPacket {
        lead = Map.copyOf(lead);
        company = Map.copyOf(company);
        touchpoints = touchpoints.stream()
                .sorted(Comparator.comparing(EngagementEvent::occurredAt).thenComparing(EngagementEvent::id))
                .toList();
        summary = List.copyOf(summary);
        clocks = List.copyOf(clocks);
    }

    /** The touchpoints grouped by kind, most frequent first. */
    public static List<Touchpoints> summarise(List<EngagementEvent> events) {
        Map<String, List<EngagementEvent>> byKind = new TreeMap<>();
        for (EngagementEvent event : events) {
            byKind.computeIfAbsent(kind(event), k -> new ArrayList<>()).add(event);
        }
        return byKind.entrySet().stream()
                .map(e -> new Touchpoints(
                        e.getKey(),
                        e.getValue().size(),
                        e.getValue().stream()
                                .map(EngagementEvent::occurredAt)
                                .min(Comparator.naturalOrder())
                                .orElseThrow(),
                        e.getValue().stream()
                                .map(EngagementEvent::occurredAt)
                                .max(Comparator.naturalOrder())
                                .orElseThrow()))
                .sorted(Comparator.comparingInt(Touchpoints::count).reversed().thenComparing(Touchpoints::kind))
                .toList();
    }

    private static String kind(EngagementEvent event) {
        for (String property : List.of("url", "content", "form", "campaign", "webinar")) {
            Optional<String> value = event.property(property);
            if (value.isPresent()) {
                return event.type() + " " + (property.equals("url") ? page(value.get()) : value.get());
            }
        }
        return event.type();
    }

    /** A page's address without its query or fragment: /pricing?utm_source=ads and /pricing are one page. */
    private static String page(String url) {
        int cut = url.length();
        for (char end : new char[] {'?', '#'}) {
            int at = url.indexOf(end);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return cut == 0 ? url : url.substring(0, cut);
    }

    /** The packet as plain text that reads well in an email or a chat message. */
    public String render() {
        var text = new StringBuilder();
        String name = String.join(
                        " ", List.of(lead.getOrDefault("lead.first_name", ""), lead.getOrDefault("lead.last_name", "")))
                .strip();
        text.append("MQL handoff: ").append(name.isEmpty() ? email : name);
        Optional.ofNullable(lead.get("lead.title"))
                .ifPresent(t -> text.append(", ").append(t));
        Optional.ofNullable(company.get("company.name"))
                .or(() -> Optional.ofNullable(company.get("company.domain")))
                .ifPresent(c -> text.append(" at ").append(c));
        text.append('\n');
        text.append("Email ").append(email);
        Optional.ofNullable(lead.get("lead.phone"))
                .ifPresent(p -> text.append(" · phone ").append(p));
        Optional.ofNullable(lead.get("lead.source"))
                .ifPresent(s -> text.append(" · source ").append(s));
        text.append('\n');
        String about = companyFacts();
        if (!about.isEmpty()) {
            text.append("Company: ").append(about).append('\n');
        }
        text.append('\n');
        whyQualified.ifPresent(why -> text.append("Why now: ")
                .append(why)
                .append(agreementVersion
                        .map(v -> " (agreement version " + v + ")")
                        .orElse(""))
                .append('\n'));
        if (score.isPriority()) {
            text.append("PRIORITY: ")
                    .append(score.priority().stream().map(f -> f.reason()).collect(Collectors.joining("; ")))
                    .append('\n');
        }
        text.append("Owner: ")
                .append(routing.owner()
                        .map(o ->
                                o + routing.team().map(t -> " (team " + t + ")").orElse(""))
                        .orElseGet(() -> "queue " + routing.queue().orElse("none")))
                .append(" — ")
                .append(routing.why())
                .append('\n');
        clocks.stream()
                .filter(c -> c.state().equals("running")
                        || c.state().equals("breached") && c.metAt().isEmpty())
                .forEach(c -> text.append("Due: ").append(c.describe()).append('\n'));
        text.append('\n');
        text.append("Score ")
                .append(score.total())
                .append(" (fit ")
                .append(score.fit())
                .append(", intent ")
                .append(score.intent())
                .append(")\n");
        for (ScoreLine line : score.lines()) {
            text.append(String.format("  %+4d  %-24s %s%n", line.points(), line.rule(), line.evidence()));
        }
        text.append('\n');
        text.append("Touchpoints (").append(touchpoints.size()).append("):\n");
        for (Touchpoints kind : summary) {
            text.append(String.format(
                    "  %3d × %-40s %s – %s%n",
                    kind.count(), kind.kind(), TIME.format(kind.first()), TIME.format(kind.last())));
        }
        text.append('\n');
        for (EngagementEvent event : touchpoints) {
            text.append("  ")
                    .append(TIME.format(event.occurredAt()))
                    .append("  ")
                    .append(event.type());
            new TreeMap<>(event.properties())
                    .forEach((k, v) -> text.append("  ").append(k).append('=').append(v));
            text.append('\n');
        }
        return text.toString();
    }

    private String companyFacts() {
        var facts = new LinkedHashMap<String, String>();
        Optional.ofNullable(company.get("company.employees")).ifPresent(e -> facts.put("employees", e + " employees"));
        Optional.ofNullable(company.get("company.annual_revenue"))
                .ifPresent(r -> facts.put(
                        "revenue", Amounts.parse(r).map(Amounts::format).orElse(r) + " revenue"));
        Optional.ofNullable(company.get("company.industry")).ifPresent(i -> facts.put("industry", i));
        Optional.ofNullable(company.get("company.country")).ifPresent(c -> facts.put("country", c));
        return String.join(" · ", facts.values());
    }
}
