package dev.baton.adapter.yaml;

import dev.baton.core.agreement.CalendarSpec;
import dev.baton.core.agreement.IntentRule;
import dev.baton.core.agreement.MqlRule;
import dev.baton.core.agreement.Names;
import dev.baton.core.agreement.PriorityRule;
import dev.baton.core.agreement.ReasonCode;
import dev.baton.core.agreement.Span;
import dev.baton.core.agreement.SqlRequirements;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the calendar, the MQL and priority rules, the SQL requirements and the reason codes. */
final class SectionReader {

    private static final Set<String> CALENDAR = Keys.of("timezone", "hours", "holidays");
    private static final Set<String> DAYS =
            Keys.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final Set<String> HOLIDAYS = Keys.of("country", "dates");
    private static final Set<String> MQL = Keys.of("threshold", "min-fit", "signals");
    private static final Set<String> SIGNALS = Keys.of("at-least", "of", "within");
    private static final Set<String> PRIORITY = Keys.of("name", "score-at-least", "signal", "within");
    private static final Set<String> SQL = Keys.of("require", "timeline-within");
    private static final Set<String> REASON = Keys.of("code", "label", "consequence", "cool-off");
    private static final Pattern HOURS =
            Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-4]):([0-5][0-9])");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Context ctx;
    private final List<String> declaredCodes = new ArrayList<>();

    SectionReader(Context ctx) {
        this.ctx = ctx;
    }

    Optional<CalendarSpec> calendar(YamlMap root, OrganisationReader organisation) {
        Optional<YamlMap> section = root.required("calendar").flatMap(n -> YamlMap.of(n, "calendar", ctx, CALENDAR));
        if (section.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = section.get();
        Optional<ZoneId> zone = organisation.zone(map, "timezone", true);
        var hours = new ArrayList<CalendarSpec.BusinessHours>();
        Optional<YamlMap> week = map.required("hours").flatMap(n -> YamlMap.of(n, map.path("hours"), ctx, DAYS));
        boolean ok = week.isPresent();
        for (String day : week.map(YamlMap::keys).orElse(Set.of())) {
            YamlMap days = week.get();
            Optional<String> text = days.text(day, true);
            if (text.isEmpty() || text.get().equals("closed")) {
                ok &= text.isPresent();
                continue;
            }
            var m = HOURS.matcher(text.get());
            if (!m.matches()) {
                ctx.report(
                        days.optional(day).orElseThrow(),
                        days.path(day) + ": '" + text.get()
                                + "' is not opening hours; write them like 09:00-17:00, or 'closed'");
                ok = false;
                continue;
            }
            LocalTime opens = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            int closeHour = Integer.parseInt(m.group(3));
            int closeMinute = Integer.parseInt(m.group(4));
            if (closeHour == 24 && closeMinute != 0) {
                ctx.report(days.optional(day).orElseThrow(), days.path(day) + ": the day ends at 24:00");
                ok = false;
                continue;
            }
            LocalTime closes = closeHour == 24 ? LocalTime.MIDNIGHT : LocalTime.of(closeHour, closeMinute);
            DayOfWeek dayOfWeek = DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
            Optional<CalendarSpec.BusinessHours> open = ctx.build(
                    days.optional(day).orElseThrow(),
                    days.path(day),
                    () -> new CalendarSpec.BusinessHours(dayOfWeek, opens, closes));
            ok &= open.isPresent();
            open.ifPresent(hours::add);
        }
        if (week.isPresent() && hours.isEmpty() && ok) {
            ctx.report(week.get().node(), map.path("hours") + ": at least one day must be open");
            ok = false;
        }
        Optional<String> country = Optional.empty();
        var dates = new ArrayList<LocalDate>();
        Optional<YamlMap> holidays =
                map.optional("holidays").flatMap(n -> YamlMap.of(n, map.path("holidays"), ctx, HOLIDAYS));
        if (holidays.isPresent()) {
            YamlMap h = holidays.get();
            country = h.text("country", false).filter(c -> {
                if (COUNTRIES.contains(c)) {
                    return true;
                }
                ctx.report(
                        h.optional("country").orElseThrow(),
                        h.path("country") + ": '" + c
                                + "' is not an ISO 3166 country code (two capital letters, like US or DE)");
                return false;
            });
            ok &= country.isPresent() == h.has("country");
            for (YamlMap.Item item : h.list("dates", false, false).orElse(List.of())) {
                Optional<LocalDate> date = h.scalar(item.node(), item.path()).flatMap(text -> {
                    try {
                        return Optional.of(LocalDate.parse(text));
                    } catch (DateTimeParseException e) {
                        ctx.report(item.node(), item.path() + ": '" + text + "' is not a date like 2026-12-24");
                        return Optional.empty();
                    }
                });
                ok &= date.isPresent();
                date.ifPresent(dates::add);
            }
        }
        if (zone.isEmpty() || !ok) {
            return Optional.empty();
        }
        Optional<String> holidayCountry = country;
        return ctx.build(map.node(), "calendar", () -> new CalendarSpec(zone.get(), hours, holidayCountry, dates));
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
        Optional<Span> within = map.wallClockSpan("within", true);
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
                Optional<Span> within = map.wallClockSpan("within", false);
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
