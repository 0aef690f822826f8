package dev.baton.app;

import dev.baton.core.engine.ActiveAgreement;
import dev.baton.core.engine.Activities;
import dev.baton.core.engine.DueClocks;
import dev.baton.core.engine.LeadCommands;
import dev.baton.core.engine.LeadIntake;
import dev.baton.core.engine.Reassignments;
import dev.baton.core.engine.SlaClocks;
import dev.baton.core.engine.Transactions;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code baton demo}'s generator, on the use cases live leads go through. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("baton.demo")
class DemoConfiguration {

    @Bean
    DemoFunnel demoFunnel(
            Clock clock,
            LeadIntake intake,
            LeadCommands commands,
            Activities activities,
            Reassignments reassignments,
            DueClocks due,
            SlaClocks clocks,
            ActiveAgreement active,
            Transactions transactions) {
        return new DemoFunnel(clock, intake, commands, activities, reassignments, due, clocks, active, transactions);
    }
}
