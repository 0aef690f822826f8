package dev.baton.core.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One line of the agreement's notification policy: notices of these kinds go to these roles over these kinds of
 * channel. A role is {@code rep} (the lead's rep), {@code manager} (the manager of the rep's team), or a role the
 * agreement names under {@code roles}.
 */
public record NotificationRule(List<NoticeKind> on, List<String> roles, List<ChannelKind> via) implements Clause {

    public static final String REP = "rep";
    public static final String MANAGER = "manager";

    public NotificationRule {
        on = List.copyOf(on);
        roles = List.copyOf(roles);
        via = List.copyOf(via);
        if (on.isEmpty() || roles.isEmpty() || via.isEmpty()) {
            throw new IllegalArgumentException("a notification rule needs on, notify and via");
        }
    }

    /**
     * The policy when the agreement has no {@code notifications} section: the rep hears of handoffs, reminders and
     * breaches; the manager of breaches and reassignments; everyone named under {@code roles} of a new version.
     */
    public static List<NotificationRule> defaults(List<String> named) {
        List<ChannelKind> all = List.of(ChannelKind.values());
        var rules = new java.util.ArrayList<NotificationRule>();
        rules.add(new NotificationRule(List.of(NoticeKind.HANDOFF, NoticeKind.REMINDER), List.of(REP), all));
        rules.add(
                new NotificationRule(List.of(NoticeKind.BREACH, NoticeKind.REASSIGNMENT), List.of(REP, MANAGER), all));
        if (!named.isEmpty()) {
            rules.add(new NotificationRule(List.of(NoticeKind.AGREEMENT_ACTIVATED), named, all));
        }
        return rules;
    }

    @Override
    public String key() {
        return on.stream().map(NoticeKind::word).collect(Collectors.joining(", "));
    }

    @Override
    public Map<String, String> attributes() {
        var map = new LinkedHashMap<String, String>();
        map.put("notify", String.join(", ", roles));
        map.put("via", via.stream().map(ChannelKind::word).collect(Collectors.joining(", ")));
        return map;
    }
}
