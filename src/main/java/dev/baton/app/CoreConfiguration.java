package dev.baton.app;

import dev.baton.adapter.persistence.JdbcAgreementVersions;
import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.core.engine.AgreementParser;
import dev.baton.core.engine.AgreementService;
import dev.baton.core.engine.AgreementVersions;
import dev.baton.core.engine.Transactions;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Builds the object graph: the core's use cases and the adapters behind their ports. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager) {
        var template = new TransactionTemplate(transactionManager);
        return new Transactions() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                return template.execute(status -> work.get());
            }
        };
    }

    @Bean
    AgreementVersions agreementVersions(JdbcClient jdbc) {
        return new JdbcAgreementVersions(jdbc);
    }

    @Bean
    AgreementYamlReader agreementYamlReader() {
        return new AgreementYamlReader();
    }

    @Bean
    AgreementParser agreementParser(AgreementYamlReader reader) {
        return source -> reader.read(source, "stored agreement").orThrow();
    }

    @Bean
    AgreementService agreementService(
            AgreementVersions versions, AgreementParser parser, Transactions transactions, Clock clock) {
        return new AgreementService(versions, parser, transactions, clock);
    }
}
