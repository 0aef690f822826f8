package dev.baton.core.notification;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.ChannelKind;
import dev.baton.core.agreement.NoticeKind;
import dev.baton.core.agreement.NotificationRule;
import dev.baton.core.agreement.Team;
import dev.baton.core.handoff.HandoffPacket;
import dev.baton.core.metrics.ReviewItem;
import dev.baton.core.sla.ClockView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The notices one happening causes under an agreement's policy: for each rule that covers its kind, one notice per
 * role and configured kind of channel, each recipient once. Every notice about a lead carries who the lead is, why
 * now, score, priority, the deadline on the rep's clock and a link; its key is derived from what it is about, so the
 * same happening never makes two notices.
 */
public final class Notices {

    private final Agreement agreement;
    private final Set<ChannelKind> configured;
    private final String baseUrl;

    public Notices(Agreement agreement, Set<ChannelKind> configured, String baseUrl) {
        this.agreement = agreement;
        this.configured = Set.copyOf(configured);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** What happened to a lead: a kind, a headline, and the event it is about (for the key). */
    public record Happening(NoticeKind kind, String headline, String event, Optional<ClockView> clock) {}

    public List<Notice> about(HandoffPacket packet, Happening happening) {
        Optional<String> rep =
                packet.routing().owner().or(() -> happening.clock().flatMap(ClockView::rep));
        var notices = new ArrayList<Notice>();
        var seen = new LinkedHashSet<String>();
        for (NotificationRule rule : rules(happening.kind())) {
            for (String role : rule.roles()) {
                Optional<String> address = address(role, rep);
                for (ChannelKind channel : rule.via()) {
                    if (address.isEmpty()
                            || !configured.contains(channel)
                            || !seen.add(channel + " " + address.get())) {
                        continue;
                    }
                    notices.add(notice(packet, happening, channel, address.get(), role, rep));
                }
            }
        }
        return notices;
    }

    /**
     * The rules that cover a kind of notice. A breach also goes to the service levels' {@code escalate-to}, over the
     * kinds of channel the breach rules use (every kind when none covers breaches).
     */
    private List<NotificationRule> rules(NoticeKind kind) {
        var rules = new ArrayList<NotificationRule>();
        var breachChannels = new LinkedHashSet<ChannelKind>();
        for (NotificationRule rule : agreement.notificationPolicy()) {
            if (rule.on().contains(kind)) {
                rules.add(rule);
                breachChannels.addAll(rule.via());
            }
        }
        if (kind == NoticeKind.BREACH) {
            agreement
                    .sla()
                    .escalateTo()
                    .ifPresent(role -> rules.add(new NotificationRule(
                            List.of(NoticeKind.BREACH),
                            List.of(role),
                            breachChannels.isEmpty() ? List.of(ChannelKind.values()) : List.copyOf(breachChannels))));
        }
        return rules;
    }

    /**
     * The summary of a version that became active, for the roles the policy names: {@code manager} stands for the
     * manager of every team, and {@code rep} for nobody (a new version is for the people who run the agreement).
     */
    public List<Notice> activated(AgreementSummary summary) {
        var notices = new ArrayList<Notice>();
        var seen = new LinkedHashSet<String>();
        for (NotificationRule rule : agreement.notificationPolicy()) {
            if (!rule.on().contains(NoticeKind.AGREEMENT_ACTIVATED)) {
                continue;
            }
            for (String role : rule.roles()) {
                for (String address : addresses(role)) {
                    for (ChannelKind channel : rule.via()) {
                        if (configured.contains(channel) && seen.add(channel + " " + address)) {
                            var fields = new LinkedHashMap<String, Object>();
                            fields.put("type", NoticeKind.AGREEMENT_ACTIVATED.word());
                            fields.put("headline", summary.subject());
                            fields.put("recipient", address);
                            fields.put("role", role);
                            fields.put("version", summary.version());
                            fields.put("summary", summary.text());
                            fields.put("link", baseUrl + "/api/v1/agreements/" + summary.version());
                            notices.add(new Notice(
                                    key(
                                            "agreement-activated",
                                            String.valueOf(summary.version()),
                                            channel.word(),
                                            address),
                                    NoticeKind.AGREEMENT_ACTIVATED,
                                    channel,
                                    address,
                                    Optional.empty(),
                                    summary.subject(),
                                    summary.text(),
                                    fields));
                        }
                    }
                }
            }
        }
        return notices;
    }

    /**
     * A review a program escalation opened, for the escalation's own roles over every configured kind of channel: who
     * is told of it is the escalation's {@code notify}, not the notification rules.
     */
    public List<Notice> escalated(ReviewItem review, List<String> roles) {
        var notices = new ArrayList<Notice>();
        var seen = new LinkedHashSet<String>();
        String subject = "Review opened: " + review.escalation() + " (" + review.tripped() + ")";
        var text = new StringBuilder(subject).append('\n');
        text.append("Period: ")
                .append(review.from())
                .append(" to ")
                .append(review.to())
                .append('\n');
        for (ReviewItem.MonthFigure figure : review.figures()) {
            text.append(figure.month())
                    .append(": ")
                    .append(String.format(java.util.Locale.ROOT, "%.4g", figure.value()))
                    .append(" against ")
                    .append(String.format(java.util.Locale.ROOT, "%.4g", figure.line()))
                    .append('\n');
        }
        text.append("Owners: ").append(String.join(", ", roles));
        // the escalation's own roles over every kind of channel, and whoever the notification rules add
        var told = new ArrayList<NotificationRule>();
        told.add(new NotificationRule(List.of(NoticeKind.ESCALATION), roles, List.of(ChannelKind.values())));
        agreement.notificationPolicy().stream()
                .filter(rule -> rule.on().contains(NoticeKind.ESCALATION))
                .forEach(told::add);
        for (NotificationRule rule : told) {
            for (String role : rule.roles()) {
                for (String address : addresses(role)) {
                    for (ChannelKind channel : rule.via()) {
                        if (!configured.contains(channel) || !seen.add(channel + " " + address)) {
                            continue;
                        }
                        var fields = new LinkedHashMap<String, Object>();
                        fields.put("type", NoticeKind.ESCALATION.word());
                        fields.put("headline", subject);
                        fields.put("recipient", address);
                        fields.put("role", role);
                        fields.put("review", review.id());
                        fields.put("metric", review.metric().id());
                        fields.put("summary", text.toString());
                        fields.put("link", baseUrl + "/api/v1/reviews/" + review.id());
                        fields.put("linkText", "Open the review");
                        notices.add(new Notice(
                                key("review", String.valueOf(review.id()), channel.word(), address),
                                NoticeKind.ESCALATION,
                                channel,
                                address,
                                Optional.empty(),
                                subject,
                                text.toString(),
                                fields));
                    }
                }
            }
        }
        return notices;
    }

    private List<String> addresses(String role) {
        if (role.equals(NotificationRule.REP)) {
            return List.of();
        }
        if (role.equals(NotificationRule.MANAGER)) {
            return agreement.teams().stream().map(Team::manager).distinct().toList();
        }
        return Optional.ofNullable(agreement.roles().get(role)).stream().toList();
    }

    /** The email address a role stands for: the lead's rep, the manager of the rep's team, or a named role. */
    private Optional<String> address(String role, Optional<String> rep) {
        if (role.equals(NotificationRule.REP)) {
            return rep;
        }
        if (role.equals(NotificationRule.MANAGER)) {
            return rep.flatMap(this::managerOf);
        }
        return Optional.ofNullable(agreement.roles().get(role));
    }

    private Optional<String> managerOf(String rep) {
        return agreement.teams().stream()
                .filter(team ->
                        team.reps().stream().anyMatch(member -> member.email().equals(rep)))
                .map(Team::manager)
                .findFirst();
    }

    private Optional<String> slackOf(String email) {
        return agreement.teams().stream()
                .flatMap(team -> team.reps().stream())
                .filter(member -> member.email().equals(email))
                .findFirst()
                .flatMap(Team.Rep::slack);
    }

    private Notice notice(
            HandoffPacket packet,
            Happening happening,
            ChannelKind channel,
            String recipient,
            String role,
            Optional<String> rep) {
        String link = baseUrl + "/api/v1/leads/" + packet.leadId() + "/handoff";
        String who = name(packet);
        var fields = new LinkedHashMap<String, Object>();
        fields.put("type", happening.kind().word());
        fields.put("headline", happening.headline());
        fields.put("recipient", recipient);
        fields.put("role", role);
        slackOf(recipient).ifPresent(id -> fields.put("slack", id));
        var lead = new LinkedHashMap<String, Object>();
        lead.put("id", packet.leadId());
        lead.put("email", packet.email());
        lead.put("name", who);
        lead.put("company", packet.company().getOrDefault("company.name", ""));
        lead.put("score", packet.score().total());
        lead.put(
                "priority",
                packet.score().priority().stream().map(flag -> flag.reason()).toList());
        lead.put("why", packet.whyQualified().orElse(""));
        rep.ifPresent(r -> lead.put("owner", r));
        lead.put("link", link);
        fields.put("lead", lead);
        happening.clock().ifPresent(clock -> fields.put("clock", clockFields(clock)));
        String subject = happening.headline() + ": " + who
                + (packet.company().containsKey("company.name")
                        ? " (" + packet.company().get("company.name") + ")"
                        : "");
        String text = happening.headline() + "\n"
                + happening.clock().map(c -> "Deadline: " + c.describe() + "\n").orElse("") + "Lead: " + link + "\n\n"
                + packet.render();
        String key = key(
                happening.kind().word(), String.valueOf(packet.leadId()), happening.event(), channel.word(), recipient);
        return new Notice(
                key, happening.kind(), channel, recipient, Optional.of(packet.leadId()), subject, text, fields);
    }

    private static Map<String, Object> clockFields(ClockView clock) {
        var map = new LinkedHashMap<String, Object>();
        map.put("clock", clock.clock());
        map.put("deadline", clock.deadline().toString());
        map.put("deadlineLocal", clock.deadlineLocal());
        map.put("state", clock.state());
        map.put("businessTimeLeft", clock.businessTimeLeft().toString());
        return map;
    }

    static String name(HandoffPacket packet) {
        String name = (packet.lead().getOrDefault("lead.first_name", "") + " "
                        + packet.lead().getOrDefault("lead.last_name", ""))
                .strip();
        return name.isEmpty() ? packet.email() : name;
    }

    /** A key that stays the same for the same notice however often it is made: the webhook-id receivers see. */
    public static String key(String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
            return "msg_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
