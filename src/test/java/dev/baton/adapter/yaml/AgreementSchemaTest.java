package dev.baton.adapter.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.baton.adapter.holidays.JollydayHolidays;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class AgreementSchemaTest {

    private static final Path SCHEMA_FILE = Path.of("docs/agreement.schema.json");
    private static final Path EXAMPLES = Path.of("examples/agreements");
    private static final Path MUTATED_EXAMPLE = EXAMPLES.resolve("saas-north-america-europe.yaml");

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final JsonNode SCHEMA_NODE = JsonMapper.builder().build().readTree(readString(SCHEMA_FILE));
    private static final Schema SCHEMA = REGISTRY.getSchema(SCHEMA_NODE);
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Test
    void theSchemaKnowsEveryMetricAndTheKindOfValueItTakes() {
        JsonNode defs = SCHEMA_NODE.get("$defs");
        assertThat(defs.at("/metric/enum").valueStream().map(JsonNode::asString))
                .containsExactlyElementsOf(dev.baton.core.metrics.Metric.ids());
        var byKind = java.util.Map.of(
                "countMetric", dev.baton.core.metrics.Metric.Kind.COUNT,
                "percentMetric", dev.baton.core.metrics.Metric.Kind.PERCENT,
                "durationMetric", dev.baton.core.metrics.Metric.Kind.DURATION,
                "ratioMetric", dev.baton.core.metrics.Metric.Kind.RATIO,
                "amountMetric", dev.baton.core.metrics.Metric.Kind.AMOUNT);
        byKind.forEach((definition, kind) -> assertThat(
                        defs.at("/" + definition + "/enum").valueStream().map(JsonNode::asString))
                .as(definition)
                .containsExactlyElementsOf(java.util.Arrays.stream(dev.baton.core.metrics.Metric.values())
                        .filter(m -> m.kind() == kind)
                        .map(dev.baton.core.metrics.Metric::id)
                        .toList()));
    }

    @Test
    void schemaIsAValidDraft202012Schema() {
        Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

        assertThat(metaSchema.validate(SCHEMA_NODE)).isEmpty();
        assertThat(SCHEMA_NODE.get("$schema").asString()).isEqualTo(SpecificationVersion.DRAFT_2020_12.getDialectId());
        assertThat(SCHEMA_NODE.get("$id").asString()).isEqualTo("https://baton.dev/schema/agreement.schema.json");
    }

    @Test
    void everyPropertyHasATitleAndDescriptionForHoverHelp() {
        List<String> undocumented = new ArrayList<>();
        collectUndocumented(SCHEMA_NODE, "#", undocumented);

        assertThat(undocumented).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void examplesValidateAgainstTheSchema(Path example) {
        assertThat(schemaErrors(readString(example))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void examplesAreAcceptedByTheReader(Path example) {
        ReadResult result =
                new AgreementYamlReader(new JollydayHolidays()).read(readString(example), example.toString());

        assertThat(result.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void schemaAndReaderGiveTheSameVerdictOnAMutatedExample(Mutation mutation) {
        String yaml = mutation.edit().apply(readString(MUTATED_EXAMPLE));

        List<Error> schemaErrors = schemaErrors(yaml);
        ReadResult result = new AgreementYamlReader(new JollydayHolidays()).read(yaml, mutation.description());

        assertThat(new Verdicts(schemaErrors.isEmpty(), result.isValid()))
                .as("schema errors %s, reader problems %s", schemaErrors, result.problems())
                .isEqualTo(new Verdicts(mutation.valid(), mutation.valid()));
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> yamlFiles =
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yamlFiles).hasSizeGreaterThanOrEqualTo(2);
            return yamlFiles.stream();
        }
    }

    static Stream<Mutation> mutations() {
        return Stream.of(keysAndShape(), valueSyntaxAndRanges(), choicesAndKinds(), validEdits())
                .flatMap(Stream::of);
    }

    private static Mutation[] keysAndShape() {
        return new Mutation[] {
            rejected("unknown top-level key", replace("sql:\n", "owner-team: revops\nsql:\n")),
            rejected(
                    "misspelt key in an intent rule",
                    replace(
                            "    window: 30d\n    half-life: 14d\n  - name: demo-request",
                            "    window: 30d\n    halflife: 14d\n  - name: demo-request")),
            rejected(
                    "list where the name is expected",
                    replace(
                            "agreement: Northwind SaaS — marketing & sales agreement\n",
                            "agreement: [Northwind SaaS]\n")),
            rejected("words where the threshold is expected", replace("threshold: 60", "threshold: sixty")),
            rejected("missing mql section", withoutSections("mql")),
            rejected("missing reason-code label", replace("    label: No answer after every attempt\n", "")),
            rejected("signals without a window", replace("    within: 30d\n\npriority:", "\npriority:")),
            rejected(
                    "routing without a fallback",
                    replace("  fallback:\n    queue: unrouted-mqls\n    owner: revops@northwind.example\n", "")),
            rejected("escalation without anyone to notify", replace("    notify: [head-of-sales]\n", "")),
            rejected("target without a bound", replace("    at-least: 3x\n", "")),
            rejected(
                    "team without reps",
                    replace(
                            "    reps:\n      - email: lukas.maier@northwind.example\n        capacity: 25\n"
                                    + "      - email: sofia.rossi@northwind.example\n        capacity: 25\n",
                            "    reps: []\n")),
            rejected("empty set test", replace("in: [US, CA]\n      team", "in: []\n      team")),
            rejected(
                    "empty signal list",
                    replace(
                            "    of: [pricing-page, demo-request, content-download, webinar-attended, email-click, site-visit]\n",
                            "    of: []\n")),
            rejected(
                    "account-owner-first that is not true or false",
                    replace("account-owner-first: true", "account-owner-first: maybe"))
        };
    }

    private static Mutation[] valueSyntaxAndRanges() {
        return new Mutation[] {
            rejected("misspelt duration unit", replace("route-within: 2 business hours", "route-within: 2 hourz")),
            rejected(
                    "zero-length intent window",
                    replace("    cap: 15\n    window: 30d", "    cap: 15\n    window: 0d")),
            rejected("threshold above 1000", replace("threshold: 60", "threshold: 1200")),
            rejected(
                    "zero points on a fit rule",
                    replace(
                            "    in: [SaaS, FinTech, Professional Services]\n    points: 10",
                            "    in: [SaaS, FinTech, Professional Services]\n    points: 0")),
            rejected("positive points on a negative rule", replace("points: -30", "points: 30")),
            rejected("fractional points", replace("    max: 500\n    points: 15", "    max: 500\n    points: 15.5")),
            rejected("rep weight above 100", replace("weight: 2", "weight: 200")),
            rejected("zero months in an escalation", replace("for-months: 2", "for-months: 0")),
            rejected("upper-case rule name", replace("name: company-size", "name: Company-Size")),
            rejected("rule name longer than 64 characters", replace("name: company-size", "name: " + "x".repeat(65))),
            rejected("lower-case reason code", replace("code: NO_BUDGET", "code: no_budget")),
            rejected("lower-case attempts reason", replace("reason: NO_RESPONSE", "reason: no-response")),
            rejected(
                    "manager that is not an email",
                    replace("manager: jordan.lee@northwind.example", "manager: jordan.lee")),
            rejected(
                    "role holder that is not an email",
                    replace("revops: revops@northwind.example", "revops: the revops team")),
            rejected("business hours written loosely", replace("monday: 09:00-17:00", "monday: 9-5")),
            rejected("business day ending after 24:00", replace("monday: 09:00-17:00", "monday: 09:00-24:30")),
            rejected(
                    "no open day",
                    replace(
                            "    monday: 09:00-17:00\n    tuesday: 09:00-17:00\n    wednesday: 09:00-17:00\n"
                                    + "    thursday: 09:00-17:00\n    friday: 09:00-17:00\n",
                            "    monday: closed\n")),
            rejected(
                    "holiday date in another format",
                    replace("dates: [2026-12-24, 2026-12-31]", "dates: [24.12.2026]")),
            rejected("lower-case holiday country", replace("country: US", "country: us")),
            rejected("holiday region written with a space", replace("country: US", "country: US NY")),
            rejected(
                    "notice kind that does not exist",
                    replace("  - on: [handoff, reminder]\n", "  - on: [handoff, nudge]\n")),
            rejected("channel kind that does not exist", replace("    via: [webhook]\n", "    via: [pager]\n")),
            rejected(
                    "notification rule without roles",
                    replace("    notify: [revops]\n    via: [webhook]\n", "    via: [webhook]\n")),
            rejected(
                    "split day with a part written loosely",
                    replace("monday: 09:00-17:00", "monday: 09:00-12:00, 1-5")),
            rejected(
                    "half day that is not a date",
                    replace(
                            "    dates: [2026-12-24, 2026-12-31]\n",
                            "    half-days:\n      christmas-eve: 09:00-13:00\n")),
            rejected(
                    "half day that is closed",
                    replace("    dates: [2026-12-24, 2026-12-31]\n", "    half-days:\n      2026-12-24: closed\n")),
            rejected(
                    "unknown field",
                    replace("field: company.employees\n    min: 50", "field: company.size\n    min: 50")),
            rejected("unknown consequence", replace("consequence: nurture", "consequence: ignore")),
            rejected("unknown metric", replace("metric: pipeline-coverage", "metric: pipeline-cover")),
            rejected(
                    "unknown target owner",
                    replace("    at-least: 40%\n    owner: marketing", "    at-least: 40%\n    owner: finance")),
            rejected("unknown escalation action", replace("action: open-icp-review", "action: escalate")),
            rejected(
                    "unknown BANT item",
                    replace("require: [budget, authority, need, timeline]", "require: [budget, money]")),
            rejected(
                    "BANT item listed twice",
                    replace("require: [budget, authority, need, timeline]", "require: [budget, budget]"))
        };
    }

    private static Mutation[] choicesAndKinds() {
        return new Mutation[] {
            rejected(
                    "two tests in one condition",
                    replace(
                            "    matches: '\\b(student|intern)\\b'\n",
                            "    matches: '\\b(student|intern)\\b'\n    present: true\n")),
            rejected("condition without a test", replace("    in: [SaaS, FinTech, Professional Services]\n", "")),
            rejected(
                    "range on a text field",
                    replace("    in: [SaaS, FinTech, Professional Services]\n", "    min: 10\n")),
            rejected(
                    "negative rule on both a field and an event",
                    replace(
                            "    in: [southwind.example, eastwind.example]\n",
                            "    in: [southwind.example, eastwind.example]\n    event: page_view\n")),
            rejected(
                    "event filter on a field-based negative rule",
                    replace(
                            "    in: [southwind.example, eastwind.example]\n",
                            "    in: [southwind.example, eastwind.example]\n    where:\n      url: '/careers'\n")),
            rejected(
                    "priority rule with both a score and a signal",
                    replace("    score-at-least: 85\n", "    score-at-least: 85\n    signal: pricing-page\n")),
            rejected(
                    "priority window without a signal",
                    replace("    score-at-least: 85\n", "    score-at-least: 85\n    within: 24h\n")),
            rejected(
                    "routing rule to both a team and a rep",
                    replace("      team: europe\n", "      team: europe\n      rep: lukas.maier@northwind.example\n")),
            rejected(
                    "two comparisons in one escalation trigger",
                    replace("        below: 80%\n", "        below: 80%\n        above: 95%\n")),
            rejected(
                    "recycle without cool-off",
                    replace("    consequence: recycle\n    cool-off: 60d\n", "    consequence: recycle\n")),
            rejected(
                    "cool-off on a disqualifying code",
                    replace(
                            "    label: Works for a competitor\n    consequence: disqualify\n",
                            "    label: Works for a competitor\n    consequence: disqualify\n    cool-off: 30d\n")),
            accepted(
                    "business-time intent window",
                    replace(
                            "    window: 30d\n  - name: content-download",
                            "    window: 30 business days\n  - name: content-download")),
            accepted(
                    "business-time half-life",
                    replace(
                            "half-life: 14d\n  - name: demo-request",
                            "half-life: 10 business days\n  - name: demo-request")),
            accepted(
                    "business-time priority window",
                    replace(
                            "signal: pricing-page\n    within: 24h",
                            "signal: pricing-page\n    within: 1 business day")),
            rejected(
                    "misspelt business half-life",
                    replace(
                            "half-life: 14d\n  - name: demo-request",
                            "half-life: 10 busines days\n  - name: demo-request")),
            rejected("business-time average response target", replace("at-most: 24h", "at-most: 24 business hours")),
            accepted(
                    "sales sources",
                    replace("\nescalations:\n", "\nattribution:\n  sales-sources: [outbound]\n\nescalations:\n")),
            rejected(
                    "no sales sources",
                    replace("\nescalations:\n", "\nattribution:\n  sales-sources: []\n\nescalations:\n")),
            rejected(
                    "a sales source twice",
                    replace(
                            "\nescalations:\n",
                            "\nattribution:\n  sales-sources: [outbound, outbound]\n\nescalations:\n")),
            accepted(
                    "an amount target",
                    replace(
                            "  - metric: pipeline-coverage\n",
                            "  - metric: won-revenue\n    at-least: 250k\n    owner: sales\n"
                                    + "  - metric: pipeline-coverage\n")),
            rejected(
                    "an amount target written as a percentage",
                    replace(
                            "  - metric: pipeline-coverage\n",
                            "  - metric: won-revenue\n    at-least: 25%\n    owner: sales\n"
                                    + "  - metric: pipeline-coverage\n")),
            accepted(
                    "a target on a sales cycle",
                    replace(
                            "  - metric: pipeline-coverage\n",
                            "  - metric: sales-cycle-median\n    at-most: 90d\n    owner: shared\n"
                                    + "  - metric: pipeline-coverage\n")),
            rejected(
                    "percent where a count is needed",
                    replace("metric: mqls-per-month\n    at-least: 100", "metric: mqls-per-month\n    at-least: 100%")),
            rejected("count where a percent is needed", replace("at-least: 70%", "at-least: 70")),
            rejected("percent above 100", replace("at-least: 70%", "at-least: 170%")),
            rejected("below-target-by as a count", replace("below-target-by: 20%", "below-target-by: 20"))
        };
    }

    private static Mutation[] validEdits() {
        return new Mutation[] {
            accepted(
                    "more points for a fit rule",
                    replace("    max: 500\n    points: 15", "    max: 500\n    points: 25")),
            accepted("one-sided range", replace("    max: 500\n", "")),
            accepted("amount with a thousands suffix", replace("    max: 500\n", "    max: 2.5k\n")),
            accepted(
                    "range on a lead attribute",
                    replace("field: company.employees\n    min: 50", "field: lead.attributes.seats\n    min: 50")),
            accepted(
                    "presence test",
                    replace(
                            "    field: lead.title\n    matches: '\\b(student|intern)\\b'\n",
                            "    field: lead.phone\n    present: false\n")),
            accepted(
                    "event filter on an event-based negative rule",
                    replace(
                            "    event: email_unsubscribed\n",
                            "    event: email_unsubscribed\n    where:\n      list: 'newsletter'\n")),
            accepted(
                    "intent rule without decay",
                    replace(
                            "    window: 30d\n    half-life: 14d\n  - name: demo-request",
                            "    window: 30d\n  - name: demo-request")),
            accepted(
                    "qualification on score alone",
                    replace(
                            "  min-fit: 30\n  signals:\n    at-least: 2\n"
                                    + "    of: [pricing-page, demo-request, content-download, webinar-attended, email-click, site-visit]\n"
                                    + "    within: 30d\n",
                            "")),
            accepted("day open until midnight", replace("monday: 09:00-17:00", "monday: 00:00-24:00")),
            accepted("split day", replace("monday: 09:00-17:00", "monday: 09:00-12:00, 13:00-17:00")),
            accepted("no notifications section", withoutSections("notifications")),
            accepted("holidays of a state", replace("country: US", "country: US-NY")),
            accepted(
                    "half day",
                    replace(
                            "    dates: [2026-12-24, 2026-12-31]\n",
                            "    dates: [2026-12-31]\n    half-days:\n      2026-12-24: 09:00-13:00\n")),
            accepted(
                    "closed Saturday",
                    replace("    friday: 09:00-17:00\n", "    friday: 09:00-17:00\n    saturday: closed\n")),
            accepted("duration in words", replace("first-touch-within: 24h", "first-touch-within: 1 day")),
            accepted(
                    "nurture instead of disqualify",
                    replace(
                            "    label: Works for a competitor\n    consequence: disqualify\n",
                            "    label: Works for a competitor\n    consequence: nurture\n")),
            accepted(
                    "escalation on a duration metric",
                    replace(
                            "        below: 80%\n",
                            "        below: 80%\n      - metric: average-response-time\n        above: 48h\n")),
            accepted("without targets and escalations", withoutSections("targets", "escalations")),
            accepted("without teams and routing", withoutSections("teams", "routing")),
            accepted(
                    "only the required sections",
                    withoutSections(
                            "roles",
                            "negative",
                            "priority",
                            "sql",
                            "teams",
                            "routing",
                            "sla",
                            "targets",
                            "escalations",
                            "notifications"))
        };
    }

    record Mutation(String description, boolean valid, UnaryOperator<String> edit) {
        @Override
        public String toString() {
            return (valid ? "accepts " : "rejects ") + description;
        }
    }

    record Verdicts(boolean schemaAccepts, boolean readerAccepts) {}

    private static Mutation rejected(String description, UnaryOperator<String> edit) {
        return new Mutation(description, false, edit);
    }

    private static Mutation accepted(String description, UnaryOperator<String> edit) {
        return new Mutation(description, true, edit);
    }

    private static UnaryOperator<String> replace(String original, String replacement) {
        return yaml -> {
            assertThat(yaml.split(Pattern.quote(original), -1))
                    .as("'%s' occurs exactly once in the example", original)
                    .hasSize(2);
            return yaml.replace(original, replacement);
        };
    }

    private static UnaryOperator<String> withoutSections(String... keys) {
        return yaml -> {
            String result = yaml;
            for (String key : keys) {
                Matcher section = Pattern.compile("(?ms)^" + Pattern.quote(key) + ":.*?(?=^\\S|\\z)")
                        .matcher(result);
                assertThat(section.find())
                        .as("section %s is in the example", key)
                        .isTrue();
                result = section.replaceFirst("");
            }
            return result;
        };
    }

    private static List<Error> schemaErrors(String yaml) {
        return SCHEMA.validate(YAML.readTree(yaml));
    }

    private static void collectUndocumented(JsonNode node, String at, List<String> undocumented) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUndocumented(node.get(i), at + "/" + i, undocumented);
            }
        }
        if (!node.isObject()) {
            return;
        }
        boolean closedObject = node.has("additionalProperties")
                && node.get("additionalProperties").isBoolean()
                && node.has("properties");
        if (closedObject) {
            for (Map.Entry<String, JsonNode> property : node.get("properties").properties()) {
                if (!documented(property.getValue())) {
                    undocumented.add(at + "/properties/" + property.getKey());
                }
            }
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            collectUndocumented(entry.getValue(), at + "/" + entry.getKey(), undocumented);
        }
    }

    private static boolean documented(JsonNode property) {
        if (property.has("title") && property.has("description")) {
            return true;
        }
        JsonNode ref = property.get("$ref");
        return ref != null && documented(SCHEMA_NODE.at(ref.asString().substring(1)));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
