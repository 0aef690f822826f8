package dev.baton.core.simulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a draft would have done over a period, beside the active version replayed the same way and what really
 * happened: MQLs per week, the leads that would newly or no longer qualify and how they really went on, conversion by
 * the draft's score band with the lowest threshold that keeps MQL→SQL on target, each rep's weekly load, and a summary
 * in words.
 *
 * @param leads the leads with a moment (created, or an event) in the period
 * @param recordedMqls the qualifications stored in the period, by whichever versions were active then
 * @param weeklyTarget the draft's MQL volume target, per week
 * @param sqlTarget the draft's MQL→SQL target, as a share
 */
public record SimulationReport(
        Instant from,
        Instant to,
        String zone,
        int activeVersion,
        long leads,
        long draftMqls,
        long activeMqls,
        long recordedMqls,
        Optional<Double> weeklyTarget,
        List<Week> weeks,
        Group newlyQualified,
        Group noLongerQualified,
        Group bothQualified,
        int draftThreshold,
        int bandWidth,
        List<Band> calibration,
        Optional<Double> sqlTarget,
        Optional<Integer> suggestedThreshold,
        List<RepLoad> load,
        long unroutable) {

    public SimulationReport {
        weeks = List.copyOf(weeks);
        calibration = List.copyOf(calibration);
        load = List.copyOf(load);
    }

    /** The report in a few sentences: the change in MQLs, how the leads that change went on, threshold and load. */
    public String summary() {
        var parts = new ArrayList<String>();
        String change = activeMqls == 0
                ? (draftMqls == 0 ? "no change" : "none under the active version")
                : String.format(Locale.ROOT, "%+.0f%%", 100.0 * (draftMqls - activeMqls) / activeMqls);
        parts.add(String.format(
                Locale.ROOT,
                "%,d MQLs under the draft against %,d under version %d (%s)",
                draftMqls,
                activeMqls,
                activeVersion,
                change));
        if (recordedMqls != activeMqls) {
            parts.add(String.format(Locale.ROOT, "%,d were recorded in the period", recordedMqls));
        }
        weeklyTarget.ifPresent(target -> parts.add(String.format(
                Locale.ROOT,
                "%.1f a week against a target of %.1f",
                weeks.isEmpty() ? 0.0 : (double) draftMqls / weeks.size(),
                target)));
        if (newlyQualified.leads() > 0) {
            parts.add(String.format(
                    Locale.ROOT,
                    "%,d leads would newly qualify and %s of them reached SQL, against %s of the leads both qualify",
                    newlyQualified.leads(),
                    percent(newlyQualified.sqlShare()),
                    percent(bothQualified.sqlShare())));
        }
        if (noLongerQualified.leads() > 0) {
            parts.add(String.format(
                    Locale.ROOT,
                    "%,d would no longer qualify; %,d of them reached SQL and %,d won%s",
                    noLongerQualified.leads(),
                    noLongerQualified.sql(),
                    noLongerQualified.won(),
                    noLongerQualified.revenue().isEmpty() ? "" : " (" + money(noLongerQualified.revenue()) + ")"));
        }
        sqlTarget.ifPresent(target -> parts.add(suggestedThreshold
                .map(t -> "the lowest threshold at which MQL→SQL still meets its " + percent(target) + " target is " + t
                        + " (the draft's is " + draftThreshold + ")")
                .orElse("no threshold makes MQL→SQL meet its " + percent(target) + " target on this history")));
        List<String> over = load.stream()
                .filter(l -> !l.weeksOverCapacity().isEmpty())
                .map(RepLoad::rep)
                .toList();
        if (!over.isEmpty()) {
            parts.add("over capacity in at least one week: " + String.join(", ", over));
        } else if (load.stream().anyMatch(l -> l.capacity().isPresent())) {
            parts.add("no rep would get more MQLs in a week than their capacity");
        }
        String summary = String.join("; ", parts) + ".";
        return Character.toUpperCase(summary.charAt(0)) + summary.substring(1);
    }

    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    public static String money(Map<String, BigDecimal> amounts) {
        return amounts.entrySet().stream()
                .map(e -> (e.getKey().isEmpty() ? "" : e.getKey() + " ")
                        + String.format(Locale.ROOT, "%,.0f", e.getValue()))
                .collect(Collectors.joining(" + "));
    }

    /** A week from its Monday: MQLs under the draft, under the active version replayed, and as recorded. */
    public record Week(LocalDate start, long draft, long active, long recorded) {}

    /**
     * Leads of one kind and how they really went on: how many reached SQL, an opportunity, a won deal, and the won
     * amounts by currency; a few of them by id.
     */
    public record Group(
            long leads, long sql, long opportunities, long won, Map<String, BigDecimal> revenue, List<Long> examples) {

        public Group {
            revenue = Map.copyOf(revenue);
            examples = List.copyOf(examples);
        }

        public double sqlShare() {
            return leads == 0 ? 0 : (double) sql / leads;
        }
    }

    /** Leads whose highest draft score in the period fell in [from, to), and how many of them reached SQL and won. */
    public record Band(int from, int to, long leads, long sql, long won) {

        public double sqlShare() {
            return leads == 0 ? 0 : (double) sql / leads;
        }

        public double wonShare() {
            return leads == 0 ? 0 : (double) won / leads;
        }
    }

    /**
     * The MQLs the draft's routing would have given a rep, in all and in their busiest week, and the weeks in which
     * they would have got more than their capacity; {@code perWeek} follows the report's weeks.
     */
    public record RepLoad(
            String rep,
            String team,
            Optional<Integer> capacity,
            long mqls,
            long busiestWeek,
            List<Long> perWeek,
            List<LocalDate> weeksOverCapacity) {

        public RepLoad {
            perWeek = List.copyOf(perWeek);
            weeksOverCapacity = List.copyOf(weeksOverCapacity);
        }
    }
}
