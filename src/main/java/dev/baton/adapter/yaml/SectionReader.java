package dev.baton.adapter.yaml;

import dev.baton.core.agreement.CalendarSpec;
import dev.baton.core.agreement.IntentRule;
import dev.baton.core.agreement.MqlRule;
import dev.baton.core.agreement.Names;
import dev.baton.core.agreement.PriorityRule;
import dev.baton.core.agreement.ReasonCode;
import dev.baton.core.agreement.SqlRequirements;
import dev.baton.core.calendar.DayHours;
import dev.baton.core.calendar.HolidayRegions;
import dev.baton.core.calendar.Opening;
import dev.baton.core.calendar.PublicHolidays;
import dev.baton.core.calendar.Span;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the calendar, the MQL and priority rules, the SQL requirements and the reason codes. */
final class SectionReader {

    private static final Set<String> CALENDAR = Keys.of("timezone", "hours", "holidays");
    private static final Set<String> DAYS =
            Keys.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final Set<String> HOLIDAYS = Keys.of("country", "dates", "half-days");
    private static final Set<String> MQL = Keys.of("threshold", "min-fit", "signals");
    private static final Set<String> SIGNALS = Keys.of("at-least", "of", "within");
    private static final Set<String> PRIORITY = Keys.of("name", "score-at-least", "signal", "within");
    private static final Set<String> SQL = Keys.of("require", "timeline-within");
    private static final Set<String> REASON = Keys.of("code", "label", "consequence", "cool-off");
    private static final Pattern HOURS =
            Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-4]):([0-5][0-9])");

    private final Context ctx;
    private final HolidayRegions regions;
    private final List<String> declaredCodes = new ArrayList<>();

    SectionReader(Context ctx, HolidayRegions regions) {
        this.ctx = ctx;
        this.regions = regions;
    }

    Optional<CalendarSpec> calendar(YamlMap root, OrganisationReader organisation) {
        Optional<YamlMap> section = root.required("calendar").flatMap(n -> YamlMap.of(n, "calendar", ctx, CALENDAR));
        if (section.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = section.get();
        Optional<ZoneId> zone = organisation.zone(map, "timezone", true);
        var week = new EnumMap<DayOfWeek, DayHours>(DayOfWeek.class);
        Optional<YamlMap> days = map.required("hours").flatMap(n -> YamlMap.of(n, map.path("hours"), ctx, DAYS));
        boolean ok = days.isPresent();
        for (String day : days.map(YamlMap::keys).orElse(Set.of())) {
            Optional<DayHours> hours = dayHours(days.get(), day, true);
            ok &= hours.isPresent();
            hours.ifPresent(h -> week.put(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)), h));
        }
        if (ok && week.values().stream().allMatch(DayHours::isClosed)) {
            ctx.report(days.get().node(), map.path("hours") + ": at least one day must be open");
            ok = false;
        }
        PublicHolidays publicHolidays = PublicHolidays.none();
        var dates = new ArrayList<LocalDate>();
        var halfDays = new TreeMap<LocalDate, DayHours>();
        Optional<YamlMap> holidays =
                map.optional("holidays").flatMap(n -> YamlMap.of(n, map.path("holidays"), ctx, HOLIDAYS));
        if (holidays.isPresent()) {
            YamlMap h = holidays.get();
            Optional<PublicHolidays> region = h.text("country", false).flatMap(code -> region(h, code));
            ok &= region.isPresent() == h.has("country");
            publicHolidays = region.orElse(PublicHolidays.none());
            for (YamlMap.Item item : h.list("dates", false, false).orElse(List.of())) {
                Optional<LocalDate> date =
                        h.scalar(item.node(), item.path()).flatMap(text -> date(item.node(), item.path(), text));
                ok &= date.isPresent();
                date.ifPresent(dates::add);
            }
            Optional<YamlMap> half = h.optional("half-days").flatMap(n -> YamlMap.anyKeys(n, h.path("half-days"), ctx));
            ok &= half.isPresent() == h.has("half-days");
            for (String key : half.map(YamlMap::keys).orElse(Set.of())) {
                Optional<LocalDate> date =
                        date(half.get().keyNode(key).orElseThrow(), half.get().path(key), key);
                Optional<DayHours> hours = dayHours(half.get(), key, false);
                ok &= date.isPresent() && hours.isPresent();
                if (date.isPresent() && hours.isPresent()) {
                    halfDays.put(date.get(), hours.get());
                }
            }
        }
        if (zone.isEmpty() || !ok) {
            return Optional.empty();
        }
        PublicHolidays region = publicHolidays;
        return ctx.build(map.node(), "calendar", () -> new CalendarSpec(zone.get(), week, region, dates, halfDays));
    }

    /** A day's hours: {@code 09:00-17:00}, a split day {@code 09:00-12:00, 13:00-17:00}, or {@code closed}. */
    private Optional<DayHours> dayHours(YamlMap days, String day, boolean mayClose) {
        Optional<String> text = days.text(day, true);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Node node = days.optional(day).orElseThrow();
        if (text.get().equals("closed") && mayClose) {
            return Optional.of(DayHours.closed());
        }
        var openings = new ArrayList<Opening>();
        for (String part : text.get().split(",", -1)) {
            var m = HOURS.matcher(part.strip());
            if (!m.matches()) {
                ctx.report(
                        node,
                        days.path(day) + ": '" + part.strip() + "' is not opening hours; write them like 09:00-17:00,"
                                + " a split day like 09:00-12:00, 13:00-17:00" + (mayClose ? ", or 'closed'" : ""));
                return Optional.empty();
            }
            LocalTime opens = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            int closeHour = Integer.parseInt(m.group(3));
            int closeMinute = Integer.parseInt(m.group(4));
            if (closeHour == 24 && closeMinute != 0) {
                ctx.report(node, days.path(day) + ": the day ends at 24:00");
                return Optional.empty();
            }
            LocalTime closes = closeHour == 24 ? LocalTime.MIDNIGHT : LocalTime.of(closeHour, closeMinute);
            Optional<Opening> opening = ctx.build(node, days.path(day), () -> new Opening(opens, closes));
            if (opening.isEmpty()) {
                return Optional.empty();
            }
            openings.add(opening.get());
        }
        return ctx.build(node, days.path(day), () -> new DayHours(openings));
    }

    private Optional<PublicHolidays> region(YamlMap holidays, String code) {
        Optional<PublicHolidays> region = regions.region(code);
        if (region.isEmpty()) {
            ctx.report(
                    holidays.optional("country").orElseThrow(),
                    holidays.path("country") + ": '" + code + "' is not a holiday region; write a country code like US"
                            + " or DE, or a country and subdivision like US-NY, DE-BY or GB-SCT" + nearest(code));
        }
        return region;
    }

    /** The subdivisions nearest to a mistyped one; all of them when several are as near (NYC: NC and NY). */
    private String nearest(String code) {
        List<String> known = regions.near(code);
        int best = known.stream()
                .mapToInt(k -> Suggestions.distance(code, k))
                .min()
                .orElse(Integer.MAX_VALUE);
        if (best > 2) {
            return known.isEmpty() ? "" : " (" + code.substring(0, 2) + " has " + String.join(", ", known) + ")";
        }
        List<String> nearest = known.stream()
                .filter(k -> Suggestions.distance(code, k) == best)
                .toList();
        return " — did you mean " + nearest.stream().map(k -> "'" + k + "'").collect(Collectors.joining(" or ")) + "?";
    }

    private Optional<LocalDate> date(Node node, String path, String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            ctx.report(node, path + ": '" + text + "' is not a date like 2026-12-24");
            return Optional.empty();
        }
    }

    Optional<MqlRule> mql(YamlMap root, List<IntentRule> intent, Optional<List<String>> declared) {
        Optional<YamlMap> section = root.required("mql").flatMap(n -> YamlMap.of(n, "mql", ctx, MQL));
        if (section.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = section.get();
        Optional<Integer> threshold = map.integer("threshold", 0, 1000, true);
        Optional<Integer> minFit = map.integer("min-fit", 0, 1000, false);
        Optional<MqlRule.Signals> signals = map.optional("signals")
                .flatMap(n -> YamlMap.of(n, map.path("signals"), ctx, SIGNALS))
                .flatMap(s -> signals(s, intent, declared));
        if (threshold.isEmpty()
                || minFit.isPresent() != map.has("min-fit")
                || signals.isPresent() != map.has("signals")) {
            return Optional.empty();
        }
        return ctx.build(map.node(), "mql", () -> new MqlRule(threshold.get(), minFit.orElse(0), signals));
    }

    private Optional<MqlRule.Signals> signals(YamlMap map, List<IntentRule> intent, Optional<List<String>> declared) {
        Optional<Integer> atLeast = map.integer("at-least", 1, 100, true);
        Optional<Span> within = map.span("within", true);
        List<String> names = intent.stream().map(IntentRule::name).toList();
        List<String> of = new ArrayList<>(names);
        boolean ok = true;
        if (map.has("of")) {
            of.clear();
            var unique = new Keys.Unique("signal");
            for (YamlMap.Item item : map.list("of", true, true).orElse(List.of())) {
                Optional<String> name = map.scalar(item.node(), item.path())
                        .filter(n -> declared.isEmpty()
                                || Keys.defined(ctx, item.node(), item.path(), n, declared.get(), "intent rule"))
                        .filter(n -> unique.add(ctx, item.node(), item.path(), n));
                ok &= name.isPresent();
                name.ifPresent(of::add);
            }
            ok &= !of.isEmpty();
        }
        if (atLeast.isEmpty() || within.isEmpty() || !ok) {
            return Optional.empty();
        }
        return ctx.build(
                map.optional("at-least").orElseThrow(),
                map.path("at-least"),
                () -> new MqlRule.Signals(atLeast.get(), of, within.get()));
    }

    List<PriorityRule> priority(YamlMap root, Optional<List<String>> declared) {
        var rules = new ArrayList<PriorityRule>();
        var names = new Keys.Unique("priority rule");
        for (YamlMap.Item item : root.list("priority", false, false).orElse(List.of())) {
            YamlMap.of(item.node(), item.path(), ctx, PRIORITY).ifPresent(map -> {
                Optional<String> name = map.text("name", true)
                        .filter(n -> Keys.spelled(
                                ctx,
                                map.optional("name").orElseThrow(),
                                map.path("name"),
                                n,
                                Names.NAME,
                                "names use lower-case letters, digits and dashes"))
                        .filter(n -> names.add(ctx, map.optional("name").orElseThrow(), map.path("name"), n));
                if (map.has("score-at-least") == map.has("signal")) {
                    ctx.report(
                            item.node(),
                            item.path() + ": give either 'score-at-least' or 'signal', not "
                                    + (map.has("signal") ? "both" : "neither"));
                    return;
                }
                if (map.has("score-at-least")) {
                    map.keyNode("within")
                            .ifPresent(k -> ctx.report(
                                    k,
                                    map.path("within") + ": 'within' goes with 'signal', not with 'score-at-least'"));
                    map.integer("score-at-least", 0, 1000, true)
                            .filter(s -> name.isPresent() && !map.has("within"))
                            .ifPresent(s -> rules.add(new PriorityRule.ScoreAtLeast(name.get(), s)));
                    return;
                }
                Optional<String> signal = map.text("signal", true)
                        .filter(s -> declared.isEmpty()
                                || Keys.defined(
                                        ctx,
                                        map.optional("signal").orElseThrow(),
                                        map.path("signal"),
                                        s,
                                        declared.get(),
                                        "intent rule"));
                Optional<Span> within = map.span("within", false);
                if (name.isPresent() && signal.isPresent() && within.isPresent() == map.has("within")) {
                    rules.add(new PriorityRule.RecentSignal(name.get(), signal.get(), within));
                }
            });
        }
        return rules;
    }

    SqlRequirements sql(YamlMap root) {
        Optional<YamlMap> section = root.optional("sql").flatMap(n -> YamlMap.of(n, "sql", ctx, SQL));
        if (section.isEmpty()) {
            return SqlRequirements.none();
        }
        YamlMap map = section.get();
        List<String> words = Arrays.stream(SqlRequirements.Bant.values())
                .map(SqlRequirements.Bant::word)
                .toList();
        var require = EnumSet.noneOf(SqlRequirements.Bant.class);
        for (YamlMap.Item item : map.list("require", false, false).orElse(List.of())) {
            map.scalar(item.node(), item.path()).ifPresent(word -> {
                if (!words.contains(word)) {
                    ctx.report(
                            item.node(),
                            item.path() + ": '" + word + "' is not one of " + String.join(", ", words)
                                    + Suggestions.didYouMean(word, words));
                } else if (!require.add(SqlRequirements.Bant.valueOf(word.toUpperCase(Locale.ROOT)))) {
                    ctx.report(item.node(), item.path() + ": '" + word + "' is listed twice");
                }
            });
        }
        return new SqlRequirements(require, map.span("timeline-within", false));
    }

    /** The reason codes the file declares, valid or not, for references to them. */
    List<String> declaredReasonCodes() {
        return List.copyOf(declaredCodes);
    }

    List<ReasonCode> reasonCodes(YamlMap root) {
        var codes = new ArrayList<ReasonCode>();
        var unique = new Keys.Unique("reason code");
        List<String> consequences = Arrays.stream(ReasonCode.Consequence.values())
                .map(ReasonCode.Consequence::word)
                .toList();
        for (YamlMap.Item item : root.list("reason-codes", true, true).orElse(List.of())) {
            YamlMap.of(item.node(), item.path(), ctx, REASON).ifPresent(map -> {
                map.text("code", false).ifPresent(declaredCodes::add);
                Optional<String> code = map.text("code", true)
                        .filter(c -> Keys.spelled(
                                ctx,
                                map.optional("code").orElseThrow(),
                                map.path("code"),
                                c,
                                Names.REASON_CODE,
                                "reason codes are upper-case words joined by _, like NO_BUDGET"))
                        .filter(c -> unique.add(ctx, map.optional("code").orElseThrow(), map.path("code"), c));
                Optional<String> label = map.text("label", true);
                Optional<ReasonCode.Consequence> consequence = map.oneOf("consequence", consequences, true)
                        .map(c -> ReasonCode.Consequence.valueOf(c.toUpperCase(Locale.ROOT)));
                Optional<Span> coolOff = map.span("cool-off", false);
                if (consequence.isPresent()) {
                    boolean recycle = consequence.get() == ReasonCode.Consequence.RECYCLE;
                    if (recycle && !map.has("cool-off")) {
                        ctx.report(item.node(), item.path() + ": a recycle reason needs a 'cool-off', like 90d");
                        return;
                    }
                    if (!recycle && map.has("cool-off")) {
                        ctx.report(
                                map.keyNode("cool-off").orElseThrow(),
                                map.path("cool-off") + ": only a recycle reason has a cool-off, not "
                                        + consequence.get().word());
                        return;
                    }
                }
                if (code.isPresent()
                        && label.isPresent()
                        && consequence.isPresent()
                        && coolOff.isPresent() == map.has("cool-off")) {
                    ctx.build(
                                    item.node(),
                                    item.path(),
                                    () -> new ReasonCode(code.get(), label.get(), consequence.get(), coolOff))
                            .ifPresent(codes::add);
                }
            });
        }
        return codes;
    }
}
