package dev.baton.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.routing.AccountNames;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Emails, domains and account names normalise the same on a machine whose default locale is Turkish. */
class LocaleIndependenceTest {

    private final Locale original = Locale.getDefault();

    @BeforeEach
    void aTurkishMachine() {
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(original);
    }

    @Test
    void anEmailWithACapitalIIsLowerCasedAsEverywhereElse() {
        assertThat("ADMIN".toLowerCase(Locale.getDefault()))
                .as("what the default locale would do")
                .isEqualTo("admın");

        assertThat(Email.parse("ADMIN@INITECH.EXAMPLE").orElseThrow().address()).isEqualTo("admin@initech.example");
        assertThat(Email.parse("ADMIN@INITECH.EXAMPLE").orElseThrow().companyDomain())
                .contains("initech.example");
        assertThat(Email.isFreeMail("ICLOUD.COM")).isTrue();
    }

    @Test
    void anAccountNameWithACapitalIMatchesItsLowerCaseSpelling() {
        assertThat(AccountNames.normalize("INITECH, Inc.")).isEqualTo(AccountNames.normalize("initech"));
    }
}
