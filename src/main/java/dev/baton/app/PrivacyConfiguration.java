package dev.baton.app;

import dev.baton.adapter.persistence.JdbcPersonalData;
import dev.baton.core.engine.EngagementStore;
import dev.baton.core.engine.LeadQueries;
import dev.baton.core.engine.LeadStore;
import dev.baton.core.engine.Transactions;
import dev.baton.core.privacy.PersonalData;
import dev.baton.core.privacy.PersonalDataStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Personal data: the export and erasure of a person. */
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
}
