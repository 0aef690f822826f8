package dev.baton.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.lead.Email;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErasureTest {

    private final PersonalDataStore.Person person = new PersonalDataStore.Person(
            42,
            new Email("dana.reyes@acme.example"),
            Map.of(
                    "lead.first_name", "Dana",
                    "lead.last_name", "Reyes",
                    "lead.phone", "+1 555 0100",
                    "lead.title", "VP Marketing",
                    "lead.city", "Austin",
                    "lead.external_id", "crm-7",
                    "lead.attributes.hobby", "Sailing",
                    "lead.email_domain", "acme.example",
                    "lead.source", "webinar",
                    "lead.country", "US"),
            Set.of("V-9"));

    @Test
    void theProfileKeepsOnlyWhatNamesNoOne() {
        Erasure erasure = Erasure.of(person);

        assertThat(erasure.profile()).isEqualTo(Map.of("lead.source", "webinar", "lead.country", "US"));
        assertThat(erasure.anonymous().address()).isEqualTo("erased-42@erased.invalid");
        assertThat(erasure.anonymous().companyDomain()).isEmpty();
    }

    @Test
    void theSecretsAreTheEmailTheRemovedValuesAndTheVisitorIdsButNotTheEmployer() {
        assertThat(Erasure.of(person).secrets())
                .containsExactlyInAnyOrder(
                        "dana.reyes@acme.example",
                        "dana",
                        "reyes",
                        "+1 555 0100",
                        "vp marketing",
                        "austin",
                        "crm-7",
                        "sailing",
                        "v-9");
    }
}
