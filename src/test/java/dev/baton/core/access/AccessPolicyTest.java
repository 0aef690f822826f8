package dev.baton.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.agreement.Approval;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();

    private static Actor person(String name, Role... roles) {
        return new Actor(name, Set.of(roles), EnumSet.allOf(Scope.class), Source.TOKEN, "test");
    }

    private static Actor token(Set<Scope> scopes, Role... roles) {
        return new Actor("ana@acme.example", Set.of(roles), scopes, Source.TOKEN, "forms");
    }

    @Test
    void aRepWorksTheirOwnLeadAndNoOneElses() {
        Actor alex = person("alex@acme.example", Role.REP);

        assertThat(policy.onLead(alex, Permission.WORK_LEADS, Optional.of("alex@acme.example"), Set.of())
                        .allowed())
                .isTrue();
        Decision other = policy.onLead(alex, Permission.WORK_LEADS, Optional.of("sam@acme.example"), Set.of());
        assertThat(other).isInstanceOf(Decision.Denied.class);
        assertThat(((Decision.Denied) other).reason())
                .isEqualTo("this lead is sam@acme.example's; alex@acme.example may act only on their own leads");
        assertThat(policy.onLead(alex, Permission.WORK_LEADS, Optional.empty(), Set.of())
                        .allowed())
                .isFalse();
    }

    @Test
    void aRepMayNotReassignEvenTheirOwnLead() {
        Actor alex = person("alex@acme.example", Role.REP);

        assertThat(policy.onLead(alex, Permission.REASSIGN_LEADS, Optional.of("alex@acme.example"), Set.of())
                        .allowed())
                .isFalse();
    }

    @Test
    void aManagerActsOnTheTeamsLeadsAndRepsOnly() {
        Actor jordan = person("jordan@acme.example", Role.SALES_MANAGER);

        assertThat(policy.onLead(
                                jordan,
                                Permission.REASSIGN_LEADS,
                                Optional.of("alex@acme.example"),
                                Set.of("jordan@acme.example"))
                        .allowed())
                .isTrue();
        assertThat(policy.onLead(
                                jordan,
                                Permission.WORK_LEADS,
                                Optional.of("lukas@acme.example"),
                                Set.of("claire@acme.example"))
                        .allowed())
                .isFalse();
        assertThat(policy.onRep(
                                jordan,
                                Permission.MANAGE_AVAILABILITY,
                                "alex@acme.example",
                                Set.of("jordan@acme.example"))
                        .allowed())
                .isTrue();
        assertThat(policy.onRep(jordan, Permission.MANAGE_AVAILABILITY, "lukas@acme.example", Set.of())
                        .allowed())
                .isFalse();
    }

    @Test
    void revopsAndAdminsActOnEveryLead() {
        for (Role role : new Role[] {Role.REVOPS, Role.ADMIN}) {
            assertThat(policy.onLead(
                                    person("x@acme.example", role),
                                    Permission.WORK_LEADS,
                                    Optional.of("alex@acme.example"),
                                    Set.of())
                            .allowed())
                    .as(role.word())
                    .isTrue();
        }
    }

    @Test
    void marketingMayNotWorkSalesLeads() {
        assertThat(policy.check(person("mo@acme.example", Role.MARKETING), Permission.WORK_LEADS)
                        .allowed())
                .isFalse();
    }

    @Test
    void eachSideOfAnApprovalTakesItsRole() {
        Actor marketer = person("mo@acme.example", Role.MARKETING);
        Actor manager = person("sam@acme.example", Role.SALES_MANAGER);
        Actor admin = person("root@acme.example", Role.ADMIN, Role.REVOPS);

        assertThat(policy.approve(marketer, Approval.Side.MARKETING).allowed()).isTrue();
        assertThat(policy.approve(marketer, Approval.Side.SALES).allowed()).isFalse();
        assertThat(policy.approve(manager, Approval.Side.SALES).allowed()).isTrue();
        assertThat(policy.approve(manager, Approval.Side.MARKETING).allowed()).isFalse();
        assertThat(policy.approve(admin, Approval.Side.MARKETING).allowed()).isFalse();
    }

    @Test
    void aTokenIsHeldToItsScopesWhateverItsOwnerMayDo() {
        Actor readOnlyAdmin = token(EnumSet.of(Scope.READ), Role.ADMIN);

        Decision refused = policy.check(readOnlyAdmin, Permission.MANAGE_USERS);
        assertThat(refused.allowed()).isFalse();
        assertThat(((Decision.Denied) refused).reason()).contains("scopes do not include admin");
        assertThat(policy.check(readOnlyAdmin, Permission.READ).allowed()).isTrue();
        assertThat(policy.check(token(EnumSet.of(Scope.INGEST), Role.MARKETING), Permission.INGEST)
                        .allowed())
                .isTrue();
        assertThat(policy.check(token(EnumSet.of(Scope.INGEST), Role.MARKETING), Permission.READ)
                        .allowed())
                .isFalse();
    }

    @Test
    void aSignedRequestMaySendEventsInAndNothingElse() {
        Actor signed = new Actor("signed-intake", Set.of(), EnumSet.of(Scope.INGEST), Source.SIGNED, "intake secret");

        assertThat(policy.check(signed, Permission.INGEST).allowed()).isTrue();
        assertThat(policy.check(signed, Permission.IMPORT).allowed()).isFalse();
        assertThat(policy.check(signed, Permission.READ).allowed()).isFalse();
    }

    @Test
    void everyPermissionIsGrantedToSomeRoleAndTakesAScope() {
        for (Permission permission : Permission.values()) {
            assertThat(permission.roles()).as(permission.name()).isNotEmpty();
            assertThat(permission.scope()).as(permission.name()).isNotNull();
        }
    }
}
