package dev.baton.core.agreement;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kinds of channel a notice goes out on; each is configured (URL, server, secret) in the settings. */
public enum ChannelKind {
    SLACK,
    EMAIL,
    WEBHOOK;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(ChannelKind::word).toList();
    }

    public static ChannelKind ofWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
