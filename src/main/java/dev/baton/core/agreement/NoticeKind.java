package dev.baton.core.agreement;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a notice is about. */
public enum NoticeKind {
    /** An MQL was handed to a rep, with its handoff packet. */
    HANDOFF,
    /** A deadline is near. */
    REMINDER,
    /** A deadline passed. */
    BREACH,
    /** A breach that lasted reassign-after moved the lead to another rep or the queue. */
    REASSIGNMENT,
    /** A new agreement version became active: its summary and its diff from the previous one. */
    AGREEMENT_ACTIVATED,
    /** A program escalation tripped and opened a review item; its owners are told. */
    ESCALATION;

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(NoticeKind::word).toList();
    }

    public static NoticeKind ofWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
