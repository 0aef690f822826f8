package dev.baton.adapter.yaml;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.FitRule;
import dev.baton.core.agreement.IntentRule;
import dev.baton.core.agreement.NegativeRule;
import dev.baton.core.agreement.PriorityRule;
import dev.baton.core.agreement.ReasonCode;
import dev.baton.core.agreement.SqlRequirements;
import dev.baton.core.agreement.Target;
import dev.baton.core.agreement.Team;
import dev.baton.core.calendar.HolidayRegions;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an agreement file into an {@link Agreement}, or reports every problem in it at once, each at its line and
 * column, in words a revenue-operations person can act on. It never throws on any input.
 */
public final class AgreementYamlReader {

    static final Set<String> TOP = Keys.of(
            "agreement",
            "calendar",
            "roles",
            "fit",
            "negative",
            "intent",
            "mql",
            "priority",
            "sql",
            "reason-codes",
            "teams",
            "routing",
            "sla",
            "targets",
            "escalations",
            "notifications",
            "attribution");

    /** How a failure of the reader itself is reported, so that it is never an unhandled exception. */
    static final String INTERNAL_ERROR = "the file could not be read: ";

    /** Agreements are small; anything this large is a mistake or an attack. */
    static final int MAX_CHARACTERS = 1_000_000;

    private final HolidayRegions regions;

    /** A reader that knows the public holidays of the regions an agreement may name. */
    public AgreementYamlReader(HolidayRegions regions) {
        this.regions = regions;
    }

    public ReadResult read(String text, String sourceName) {
        var ctx = new Context();
        if (text.length() > MAX_CHARACTERS) {
            ctx.report(1, 1, "the file is larger than " + MAX_CHARACTERS + " characters; an agreement is far smaller");
            return ReadResult.invalid(ctx.problems());
        }
        try {
            Node root = compose(text, ctx);
            if (root == null) {
                return ReadResult.invalid(ctx.problems());
            }
            return read(root, ctx);
        } catch (RuntimeException | StackOverflowError e) {
            ctx.report(1, 1, INTERNAL_ERROR + e);
            return ReadResult.invalid(ctx.problems());
        }
    }

    private static Node compose(String text, Context ctx) {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported with their position by YamlMap instead
        options.setMaxAliasesForCollections(200);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_CHARACTERS);
        options.setAllowRecursiveKeys(false);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                ctx.report(1, 1, "the file is empty; an agreement starts with 'agreement: <its name>'");
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            Mark started = e.getContextMark();
            String context = e.getContext() == null
                    ? ""
                    : " (" + e.getContext()
                            + (started != null && mark != null && started.getLine() != mark.getLine()
                                    ? " that starts at line " + (started.getLine() + 1) + ", column "
                                            + (started.getColumn() + 1)
                                    : "")
                            + ")";
            if (mark == null) {
                ctx.report(1, 1, "YAML syntax error: " + problem + context);
            } else {
                ctx.report(mark.getLine() + 1, mark.getColumn() + 1, "YAML syntax error: " + problem + context);
            }
            return null;
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            ctx.report(1, 1, "YAML error: " + e.getMessage());
            return null;
        }
    }

    private ReadResult read(Node root, Context ctx) {
        var top = YamlMap.of(root, "", ctx, TOP);
        if (top.isEmpty()) {
            return ReadResult.invalid(ctx.problems());
        }
        YamlMap map = top.get();
        var scoring = new ScoringRulesReader(ctx);
        var organisation = new OrganisationReader(ctx, scoring);
        var program = new ProgramReader(ctx);
        var sections = new SectionReader(ctx, regions);

        var name = map.text("agreement", true);
        var calendar = sections.calendar(map, organisation);
        Map<String, String> roles = organisation.roles(map);
        List<FitRule> fit = scoring.fit(map);
        List<NegativeRule> negative = scoring.negative(map);
        List<IntentRule> intent = scoring.intent(map);
        var mql = sections.mql(map, intent, scoring.declaredIntentNames());
        List<PriorityRule> priority = sections.priority(map, scoring.declaredIntentNames());
        SqlRequirements sql = sections.sql(map);
        List<ReasonCode> reasonCodes = sections.reasonCodes(map);
        List<Team> teams = organisation.teams(map);
        var routing = organisation.routing(map);
        var sla = organisation.sla(map, roles, sections.declaredReasonCodes());
        List<Target> targets = program.targets(map);
        var escalations = program.escalations(map, roles, targets);
        var notifications = program.notifications(map, roles);
        var attribution = program.attribution(map);

        if (ctx.hasProblems() || name.isEmpty() || calendar.isEmpty() || mql.isEmpty()) {
            return ReadResult.invalid(ctx.problems());
        }
        return ctx.build(
                        root,
                        "agreement",
                        () -> new Agreement(
                                name.get(),
                                calendar.get(),
                                roles,
                                fit,
                                negative,
                                intent,
                                mql.get(),
                                priority,
                                sql,
                                reasonCodes,
                                teams,
                                routing,
                                sla,
                                targets,
                                escalations,
                                notifications,
                                attribution))
                .map(ReadResult::valid)
                .orElseGet(() -> ReadResult.invalid(new ArrayList<>(ctx.problems())));
    }
}
