package dev.baton.app;

import dev.baton.adapter.csv.CsvImport;
import dev.baton.adapter.csv.LeadCsvExport;
import dev.baton.adapter.persistence.JdbcLeadListing;
import dev.baton.core.engine.Activities;
import dev.baton.core.engine.LeadCommands;
import dev.baton.core.engine.LeadIntake;
import dev.baton.core.engine.LeadListing;
import dev.baton.core.engine.LeadQueries;
import dev.baton.core.engine.Transactions;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** CSV in and out: the import on the core's use cases, and the lead export on its listing port. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    LeadListing leadListing(JdbcClient jdbc, JsonMapper json) {
        return new JdbcLeadListing(jdbc, json);
    }

    @Bean
    @ConditionalOnMissingBean
    CsvImport.Progress importProgress() {
        return CsvImport.Progress.logged();
    }

    @Bean
    CsvImport csvImport(
            LeadIntake intake,
            LeadCommands commands,
            Activities activities,
            LeadQueries queries,
            dev.baton.core.metrics.SpendStore spend,
            Transactions transactions,
            Clock clock,
            CsvImport.Progress progress) {
        return new CsvImport(intake, commands, activities, queries, spend, transactions, clock, progress);
    }

    @Bean
    LeadCsvExport leadCsvExport(LeadListing listing) {
        return new LeadCsvExport(listing);
    }
}
