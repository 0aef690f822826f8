package dev.baton.app;

import dev.baton.adapter.persistence.JdbcAuditLog;
import dev.baton.adapter.persistence.JdbcTokenStore;
import dev.baton.adapter.persistence.JdbcUserStore;
import dev.baton.core.access.Access;
import dev.baton.core.access.AccessPolicy;
import dev.baton.core.access.ApiTokens;
import dev.baton.core.access.Audit;
import dev.baton.core.access.AuditLog;
import dev.baton.core.access.PasswordHasher;
import dev.baton.core.access.RosterWork;
import dev.baton.core.access.SignInPolicy;
import dev.baton.core.access.TokenStore;
import dev.baton.core.access.UserStore;
import dev.baton.core.access.Users;
import dev.baton.core.engine.LeadQueries;
import dev.baton.core.engine.RosterCommands;
import dev.baton.core.engine.RosterStore;
import dev.baton.core.engine.Transactions;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/** Users, tokens, the audit trail and the access policy; the first admin on the first start. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

    @Bean
    UserStore userStore(JdbcClient jdbc) {
        return new JdbcUserStore(jdbc);
    }

    @Bean
    TokenStore tokenStore(JdbcClient jdbc) {
        return new JdbcTokenStore(jdbc);
    }

    @Bean
    AuditLog auditLog(JdbcClient jdbc, JsonMapper json) {
        return new JdbcAuditLog(jdbc, json);
    }

    @Bean
    Audit audit(AuditLog log, Transactions transactions, Clock clock) {
        return new Audit(log, transactions, clock);
    }

    /** bcrypt, behind the {id} prefixes of Spring's delegating encoder, so that a stronger hash can take over later. */
    @Bean
    PasswordHasher passwordHasher() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new PasswordHasher() {
            @Override
            public String hash(String password) {
                return encoder.encode(password);
            }

            @Override
            public boolean matches(String password, String hash) {
                return encoder.matches(password, hash);
            }
        };
    }

    @Bean
    Users users(
            UserStore store,
            PasswordHasher hasher,
            Audit audit,
            Transactions transactions,
            Clock clock,
            BatonSettings settings) {
        BatonSettings.SignIn signIn = settings.signIn();
        return new Users(
                store,
                hasher,
                new SignInPolicy(signIn.maxFailures(), signIn.lockout(), signIn.minPasswordLength()),
                audit,
                transactions,
                clock);
    }

    @Bean
    ApiTokens apiTokens(TokenStore tokens, UserStore users, Audit audit, Clock clock) {
        return new ApiTokens(tokens, users, audit, clock);
    }

    @Bean
    AccessPolicy accessPolicy() {
        return new AccessPolicy();
    }

    @Bean
    Access access(AccessPolicy policy, LeadQueries leads, RosterStore roster, Clock clock) {
        return new Access(policy, leads, roster, clock);
    }

    @Bean
    dev.baton.core.access.SimulationWork simulationWork(
            dev.baton.core.engine.Simulations simulations, Access access, Audit audit) {
        return new dev.baton.core.access.SimulationWork(simulations, access, audit);
    }

    @Bean
    dev.baton.core.access.AgreementWork agreementWork(
            dev.baton.core.engine.AgreementService agreements, Access access, Audit audit) {
        return new dev.baton.core.access.AgreementWork(agreements, access, audit);
    }

    @Bean
    dev.baton.core.access.LeadWork leadWork(
            Access access,
            Audit audit,
            dev.baton.core.engine.LeadCommands commands,
            dev.baton.core.engine.Activities activities,
            dev.baton.core.engine.Reassignments reassignments,
            LeadQueries queries,
            dev.baton.core.engine.SlaClocks clocks,
            Clock clock) {
        return new dev.baton.core.access.LeadWork(
                access, audit, commands, activities, reassignments, queries, clocks, clock);
    }

    @Bean
    RosterWork rosterWork(RosterCommands roster, Access access, Audit audit) {
        return new RosterWork(roster, access, audit);
    }

    /**
     * On a database without users, the first admin: from the environment, or with a password shown this once. Made
     * while the application starts, so that it exists before the first request can arrive.
     */
    @Bean
    SmartInitializingSingleton firstAdmin(Users users, BatonSettings settings) {
        return () -> {
            Users.FirstAdmin made = users.ensureFirstAdmin(
                    Optional.ofNullable(settings.admin().email()),
                    Optional.ofNullable(settings.admin().password()));
            if (made instanceof Users.FirstAdmin.FromEnvironment env) {
                log.info(
                        "Created the first admin, {}, with the password from BATON_ADMIN_PASSWORD",
                        env.user().email());
            } else if (made instanceof Users.FirstAdmin.WithOneTimePassword once) {
                // shown once, on the console only: it is not kept anywhere but as a hash, and must be changed
                System.out.println("""

                        Baton made the first admin. Sign in at %s/login as
                            email:    %s
                            password: %s
                        This password is shown only now and must be changed at the first sign-in.
                        """.formatted(
                                settings.notifications().baseUrl(), once.user().email(), once.password()));
            }
        };
    }
}
