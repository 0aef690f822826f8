package dev.baton.app;

import dev.baton.adapter.persistence.JdbcPersonalData;
import dev.baton.adapter.scheduler.RetentionWorker;
import dev.baton.core.engine.ActiveAgreement;
import dev.baton.core.engine.EngagementStore;
import dev.baton.core.engine.LeadQueries;
import dev.baton.core.engine.LeadStore;
import dev.baton.core.engine.Transactions;
import dev.baton.core.privacy.PersonalData;
import dev.baton.core.privacy.PersonalDataStore;
import dev.baton.core.privacy.Retention;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Personal data: the export and erasure of a person, and the retention of engagement with its worker. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    PersonalDataStore personalDataStore(JdbcClient jdbc, JsonMapper json) {
        return new JdbcPersonalData(jdbc, json);
    }

    @Bean
    PersonalData personalData(
            Transactions transactions,
            PersonalDataStore store,
            LeadQueries queries,
            LeadStore leads,
            EngagementStore engagement,
            Clock clock) {
        return new PersonalData(transactions, store, queries, leads, engagement, clock);
    }

    @Bean
    Retention retention(
            BatonSettings settings,
            PersonalDataStore store,
            ActiveAgreement active,
            Transactions transactions,
            Clock clock) {
        return new Retention(
                Optional.ofNullable(settings.privacy().unqualifiedEventRetention()),
                store,
                active,
                transactions,
                clock);
    }

    /** Only with a retention period: without one there is nothing to delete. */
    @Bean
    @ConditionalOnProperty(name = "baton.privacy.unqualified-event-retention")
    @ConditionalOnBooleanProperty(name = "baton.privacy.worker", matchIfMissing = true)
    RetentionWorker retentionWorker(Retention retention, BatonSettings settings) {
        return new RetentionWorker(retention, settings.privacy().interval());
    }
}
