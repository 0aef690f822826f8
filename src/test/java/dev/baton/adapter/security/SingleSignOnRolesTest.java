package dev.baton.adapter.security;

import static dev.baton.core.access.Role.ADMIN;
import static dev.baton.core.access.Role.REP;
import static dev.baton.core.access.Role.REVOPS;
import static dev.baton.core.access.Role.SALES_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the values of the identity provider's roles claim turn into Baton roles through the configured mapping. */
class SingleSignOnRolesTest {

    private final SingleSignOn sso = new SingleSignOn(
            null,
            "email",
            "groups",
            Map.of(
                    "reps", "rep",
                    "managers", "sales_manager",
                    "ops", "revops,admin",
                    "leads", " sales-manager , rep ",
                    "Field-Sales", "rep"));

    @Test
    void eachValueOfAListClaimGivesItsRoles() {
        assertThat(sso.roles(List.of("reps", "managers"))).containsExactlyInAnyOrder(REP, SALES_MANAGER);
    }

    @Test
    void aStringClaimIsSplitAtCommasAndWhitespace() {
        assertThat(sso.roles("reps,managers")).containsExactlyInAnyOrder(REP, SALES_MANAGER);
        assertThat(sso.roles("reps managers")).containsExactlyInAnyOrder(REP, SALES_MANAGER);
        assertThat(sso.roles(" reps ,\tmanagers ")).containsExactlyInAnyOrder(REP, SALES_MANAGER);
    }

    @Test
    void unmappedValuesGiveNoRole() {
        assertThat(sso.roles(List.of("reps", "everyone", "interns"))).containsExactly(REP);
        assertThat(sso.roles(List.of("everyone", "interns"))).isEmpty();
        assertThat(sso.roles("everyone")).isEmpty();
    }

    @Test
    void aMissingOrOddlyTypedClaimGivesNoRole() {
        assertThat(sso.roles(null)).isEmpty();
        assertThat(sso.roles(List.of())).isEmpty();
        assertThat(sso.roles("")).isEmpty();
        assertThat(sso.roles(42)).isEmpty();
    }

    @Test
    void oneGroupMayGiveSeveralRoles() {
        assertThat(sso.roles(List.of("ops"))).containsExactlyInAnyOrder(REVOPS, ADMIN);
    }

    @Test
    void roleWordsMaySurroundCommasWithSpacesAndSpellUnderscoresAsHyphens() {
        assertThat(sso.roles(List.of("leads"))).containsExactlyInAnyOrder(SALES_MANAGER, REP);
    }

    @Test
    void aMappedWordThatIsNoRoleStopsBatonNamingTheSetting() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new SingleSignOn(null, "email", "groups", Map.of("typos", "rep,rpe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("baton.sso.roles.typos: 'rpe' is not a role");
    }

    @Test
    void rolesFromSeveralGroupsAreCountedOnce() {
        assertThat(sso.roles(List.of("reps", "leads", "reps"))).containsExactlyInAnyOrder(REP, SALES_MANAGER);
    }

    @Test
    void aValueMatchesItsMappingExactlyOrInLowerCase() {
        assertThat(sso.roles(List.of("REPS"))).containsExactly(REP);
        assertThat(sso.roles(List.of("Managers"))).containsExactly(SALES_MANAGER);
        assertThat(sso.roles(List.of("Field-Sales"))).containsExactly(REP);
    }

    @Test
    void aMappingKeyWithCapitalsMatchesOnlyThatSpelling() {
        assertThat(sso.roles(List.of("field-sales"))).isEmpty();
        assertThat(sso.roles(List.of("FIELD-SALES"))).isEmpty();
    }
}
