package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.lifecycle.Stage;
import dev.baton.core.lifecycle.Step;
import dev.baton.core.lifecycle.Transitions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleApiTest extends LeadScenarios {

    /** Each command with a complete body, so that only the lead's stage can refuse it. */
    private static final Map<Step, String[]> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put(Step.ACCEPT, new String[] {"accept", "{}"});
        COMMANDS.put(Step.REJECT, new String[] {"reject", "{\"reasonCode\":\"NOT_ICP\"}"});
        COMMANDS.put(Step.QUALIFY_SQL, new String[] {
            "qualify", "{\"bant\":{\"budget\":\"b\",\"authority\":\"a\",\"need\":\"n\",\"timeline\":\"t\"}}"
        });
        COMMANDS.put(Step.OPEN_OPPORTUNITY, new String[] {
            "opportunity", "{\"amount\":1000,\"currency\":\"EUR\",\"expectedCloseDate\":\"2027-03-01\"}"
        });
        COMMANDS.put(Step.WIN, new String[] {"won", "{}"});
        COMMANDS.put(Step.LOSE, new String[] {"lost", "{\"lostReason\":\"price\"}"});
        COMMANDS.put(Step.NURTURE, new String[] {"nurture", "{}"});
        COMMANDS.put(Step.RECYCLE, new String[] {"recycle", "{}"});
        COMMANDS.put(Step.DISQUALIFY, new String[] {"disqualify", "{\"reasonCode\":\"COMPETITOR\"}"});
    }

    /** The commands that bring a qualified lead to each stage the API can leave a lead in. */
    private static final Map<Stage, List<Step>> PATHS = new LinkedHashMap<>();

    static {
        PATHS.put(Stage.MQL, List.of());
        PATHS.put(Stage.ACCEPTED, List.of(Step.ACCEPT));
        PATHS.put(Stage.SQL, List.of(Step.ACCEPT, Step.QUALIFY_SQL));
        PATHS.put(Stage.OPPORTUNITY, List.of(Step.ACCEPT, Step.QUALIFY_SQL, Step.OPEN_OPPORTUNITY));
        PATHS.put(Stage.WON, List.of(Step.ACCEPT, Step.QUALIFY_SQL, Step.OPEN_OPPORTUNITY, Step.WIN));
        PATHS.put(Stage.LOST, List.of(Step.ACCEPT, Step.QUALIFY_SQL, Step.OPEN_OPPORTUNITY, Step.LOSE));
        PATHS.put(Stage.NURTURE, List.of(Step.NURTURE));
        PATHS.put(Stage.RECYCLED, List.of(Step.ACCEPT, Step.RECYCLE));
        PATHS.put(Stage.DISQUALIFIED, List.of(Step.DISQUALIFY));
    }

    private Response take(long id, Step step) {
        String[] command = COMMANDS.get(step);
        return postJson("/api/v1/leads/" + id + "/" + command[0], command[1]);
    }

    private long leadIn(Stage stage) {
        if (stage == Stage.LEAD) {
            return createLead("{\"email\":\"" + unique("new") + "@gmail.com\"}");
        }
        long id = qualifiedLead();
        for (Step step : PATHS.get(stage)) {
            assertThat(take(id, step).status())
                    .as("%s on the way to %s", step, stage)
                    .isEqualTo(200);
        }
        assertThat(lead(id).get("stage").asString()).isEqualTo(stage.word());
        return id;
    }

    @Test
    void everyCommandTheStageDoesNotAllowAnswers409AndChangesNothing() {
        int refusals = 0;
        for (Stage stage : Stage.values()) {
            if (stage == Stage.REJECTED) {
                continue; // rejection moves on to its reason code's consequence in the same command
            }
            long id = leadIn(stage);
            List<String> history = timelineTypes(id);
            for (Step step : COMMANDS.keySet()) {
                if (Transitions.allows(stage, step)) {
                    continue;
                }
                Response refused = take(id, step);

                assertThat(refused.status())
                        .as("%s from %s: %s", step, stage, refused.body())
                        .isEqualTo(409);
                assertThat(refused.json().get("stage").asString())
                        .isEqualTo(stage.name().toLowerCase(Locale.ROOT));
                assertThat(refused.json()
                                .get("allowed")
                                .valueStream()
                                .map(n -> n.asString())
                                .toList())
                        .isEqualTo(
                                Transitions.from(stage).stream().map(Step::word).toList());
                refusals++;
            }
            assertThat(timelineTypes(id)).isEqualTo(history);
        }
        assertThat(refusals).isGreaterThan(50);
    }
}
