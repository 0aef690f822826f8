package dev.baton.core.engine;

import dev.baton.core.lead.Email;
import dev.baton.core.lifecycle.Stage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a user looks for among the leads: every filter is optional and they all hold at once. Leads come in a stable
 * order, the sort's key and then the lead's id, a page at a time; the cursor of a page is the last lead's key, so a
 * lead added while a user pages is never the reason another is skipped or shown twice.
 */
public record LeadSearch(
        Set<Stage> stages,
        Optional<String> owner,
        Optional<String> team,
        Optional<String> queue,
        Optional<String> source,
        Optional<String> campaign,
        Optional<Integer> minScore,
        Optional<Integer> maxScore,
        Optional<String> priority,
        Optional<Instant> qualifiedSince,
        Optional<Instant> qualifiedUntil,
        Optional<Instant> createdSince,
        Optional<Integer> version,
        Optional<String> text,
        Optional<Email> email,
        Sort sort,
        Optional<Cursor> after,
        int limit) {

    public static final int MOST = 500;
    public static final int DEFAULT_LIMIT = 50;

    public LeadSearch {
        stages = Set.copyOf(stages);
        if (limit < 1 || limit > MOST) {
            throw new BatonException.Invalid("limit", "limit must be a whole number from 1 to " + MOST);
        }
        if (minScore.isPresent() && maxScore.isPresent() && minScore.get() > maxScore.get()) {
            throw new BatonException.Invalid(
                    "minScore", "minScore " + minScore.get() + " is above maxScore " + maxScore.get());
        }
        if (qualifiedSince.isPresent()
                && qualifiedUntil.isPresent()
                && !qualifiedSince.get().isBefore(qualifiedUntil.get())) {
            throw new BatonException.Invalid("qualifiedUntil", "qualifiedUntil must come after qualifiedSince");
        }
        if (after.isPresent() && after.get().sort() != sort) {
            throw new BatonException.Invalid(
                    "cursor",
                    "this cursor belongs to the order " + after.get().sort().word() + ", not " + sort.word()
                            + "; keep the sort of the first page");
        }
    }

    /** The orders a list can come in; each ends with the lead's id, so that no two leads tie. */
    public enum Sort {
        NEWEST("-created", Key.CREATED, true),
        OLDEST("created", Key.CREATED, false),
        HIGHEST_SCORE("-score", Key.SCORE, true),
        LOWEST_SCORE("score", Key.SCORE, false),
        LATEST_QUALIFIED("-qualified", Key.QUALIFIED, true),
        EARLIEST_QUALIFIED("qualified", Key.QUALIFIED, false),
        RECENTLY_UPDATED("-updated", Key.UPDATED, true),
        LEAST_RECENTLY_UPDATED("updated", Key.UPDATED, false);

        private final String word;
        private final Key key;
        private final boolean descending;

        Sort(String word, Key key, boolean descending) {
            this.word = word;
            this.key = key;
            this.descending = descending;
        }

        public String word() {
            return word;
        }

        public Key key() {
            return key;
        }

        public boolean descending() {
            return descending;
        }

        public static Sort of(String word) {
            for (Sort sort : values()) {
                if (sort.word.equals(word.strip().toLowerCase(Locale.ROOT))) {
                    return sort;
                }
            }
            throw new BatonException.Invalid(
                    "sort",
                    "'" + word + "' is not an order; one of created, -created, score, -score, qualified, -qualified,"
                            + " updated, -updated (a minus sign for the highest or newest first)");
        }
    }

    /**
     * The value a list is sorted by. A lead without a score sorts below every score, one never qualified before every
     * qualification, in either direction's reading: last when descending, first when ascending.
     */
    public enum Key {
        CREATED,
        SCORE,
        QUALIFIED,
        UPDATED
    }

    /**
     * Where the next page starts: the sort, and the last lead's key (epoch microseconds for a time, the score, or
     * {@link Long#MIN_VALUE} for none) and id. Given to users as opaque text.
     */
    public record Cursor(Sort sort, long key, long id) {

        public String text() {
            String plain = sort.word() + "|" + key + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        public static Cursor parse(String text) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
                String[] parts = plain.split("\\|", -1);
                if (parts.length != 3) {
                    throw new IllegalArgumentException(plain);
                }
                return new Cursor(Sort.of(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            } catch (IllegalArgumentException | BatonException.Invalid e) {
                throw new BatonException.Invalid(
                        "cursor", "not a cursor this list gave; pass the 'next' of the page before, unchanged");
            }
        }
    }
}
