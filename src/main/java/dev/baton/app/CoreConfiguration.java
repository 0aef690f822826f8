package dev.baton.app;

import dev.baton.adapter.holidays.JollydayHolidays;
import dev.baton.adapter.persistence.JdbcAgreementVersions;
import dev.baton.adapter.persistence.JdbcClockStore;
import dev.baton.adapter.persistence.JdbcEngagementStore;
import dev.baton.adapter.persistence.JdbcLeadQueries;
import dev.baton.adapter.persistence.JdbcLeadStore;
import dev.baton.adapter.persistence.JdbcMetrics;
import dev.baton.adapter.persistence.JdbcRescoreJobs;
import dev.baton.adapter.persistence.JdbcRosterStore;
import dev.baton.adapter.persistence.JdbcSimulationHistory;
import dev.baton.adapter.persistence.JdbcSimulationStore;
import dev.baton.adapter.persistence.SpringTransactions;
import dev.baton.adapter.scheduler.RescoringWorker;
import dev.baton.adapter.scheduler.SimulationWorker;
import dev.baton.adapter.scheduler.SlaTimerWorker;
import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.core.calendar.HolidayRegions;
import dev.baton.core.engine.ActiveAgreement;
import dev.baton.core.engine.Activities;
import dev.baton.core.engine.AgreementParser;
import dev.baton.core.engine.AgreementService;
import dev.baton.core.engine.AgreementVersions;
import dev.baton.core.engine.ClockStore;
import dev.baton.core.engine.DueClocks;
import dev.baton.core.engine.EngagementStore;
import dev.baton.core.engine.FunnelMetrics;
import dev.baton.core.engine.Handoffs;
import dev.baton.core.engine.IngestQueue;
import dev.baton.core.engine.LeadCommands;
import dev.baton.core.engine.LeadIntake;
import dev.baton.core.engine.LeadQueries;
import dev.baton.core.engine.LeadStore;
import dev.baton.core.engine.NoticeWriter;
import dev.baton.core.engine.Plans;
import dev.baton.core.engine.Reassignments;
import dev.baton.core.engine.RescoreJobs;
import dev.baton.core.engine.Rescoring;
import dev.baton.core.engine.RosterCommands;
import dev.baton.core.engine.RosterStore;
import dev.baton.core.engine.Scorecards;
import dev.baton.core.engine.Simulations;
import dev.baton.core.engine.SlaClocks;
import dev.baton.core.engine.Telemetry;
import dev.baton.core.engine.Transactions;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** Builds the object graph: the core's use cases and the adapters behind their ports. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    /** The system clock; for {@code baton demo}, a clock the demo's generator walks through the past first. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${baton.demo:false}") boolean demo) {
        return demo ? new DemoClock() : Clock.systemUTC();
    }

    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager) {
        return new SpringTransactions(transactionManager);
    }

    @Bean
    AgreementVersions agreementVersions(JdbcClient jdbc) {
        return new JdbcAgreementVersions(jdbc);
    }

    @Bean
    HolidayRegions holidayRegions() {
        return new JollydayHolidays();
    }

    @Bean
    AgreementYamlReader agreementYamlReader(HolidayRegions regions) {
        return new AgreementYamlReader(regions);
    }

    @Bean
    AgreementParser agreementParser(AgreementYamlReader reader) {
        return source -> reader.read(source, "stored agreement").orThrow();
    }

    @Bean
    AgreementService agreementService(
            AgreementVersions versions,
            AgreementParser parser,
            Transactions transactions,
            Clock clock,
            RescoreJobs rescoreJobs,
            RosterStore roster,
            NoticeWriter notices) {
        return new AgreementService(versions, parser, transactions, clock, rescoreJobs, roster, notices);
    }

    @Bean
    RosterStore rosterStore(JdbcClient jdbc) {
        return new JdbcRosterStore(jdbc);
    }

    @Bean
    RescoreJobs rescoreJobs(JdbcClient jdbc) {
        return new JdbcRescoreJobs(jdbc);
    }

    @Bean
    Rescoring rescoring(
            RescoreJobs jobs,
            LeadStore leads,
            EngagementStore engagement,
            ActiveAgreement active,
            Transactions transactions,
            Clock clock,
            RosterStore roster,
            SlaClocks clocks,
            NoticeWriter notices) {
        return new Rescoring(jobs, leads, engagement, active, transactions, clock, roster, clocks, notices);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "baton.rescoring.worker", matchIfMissing = true)
    RescoringWorker rescoringWorker(Rescoring rescoring, BatonSettings settings) {
        return new RescoringWorker(
                rescoring,
                settings.rescoring().workers(),
                settings.rescoring().chunkSize(),
                settings.rescoring().interval());
    }

    @Bean
    Simulations simulations(
            JdbcClient jdbc,
            JsonMapper json,
            AgreementVersions versions,
            ActiveAgreement active,
            AgreementParser parser,
            Clock clock,
            BatonSettings settings) {
        return new Simulations(
                new JdbcSimulationStore(jdbc, json),
                new JdbcSimulationHistory(jdbc, json),
                versions,
                active,
                parser,
                clock,
                settings.simulation().threads(),
                settings.simulation().chunkSize());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "baton.simulation.worker", matchIfMissing = true)
    SimulationWorker simulationWorker(Simulations simulations, BatonSettings settings) {
        return new SimulationWorker(simulations, settings.simulation().interval());
    }

    @Bean
    LeadStore leadStore(JdbcClient jdbc, JsonMapper json) {
        return new JdbcLeadStore(jdbc, json);
    }

    @Bean
    EngagementStore engagementStore(JdbcClient jdbc, JsonMapper json) {
        return new JdbcEngagementStore(jdbc, json);
    }

    @Bean
    LeadQueries leadQueries(JdbcClient jdbc, JsonMapper json, ActiveAgreement agreements) {
        return new JdbcLeadQueries(jdbc, json, agreements);
    }

    @Bean
    dev.baton.core.engine.CompanyDirectory companyDirectory(JdbcClient jdbc, JsonMapper json) {
        return new dev.baton.adapter.persistence.JdbcCompanyDirectory(jdbc, json);
    }

    @Bean
    ActiveAgreement activeAgreement(AgreementVersions versions, AgreementParser parser) {
        return new ActiveAgreement(versions, parser);
    }

    @Bean
    LeadIntake leadIntake(
            LeadStore leads,
            dev.baton.core.engine.CompanyStore companies,
            EngagementStore engagement,
            ActiveAgreement active,
            Transactions transactions,
            Clock clock,
            RosterStore roster,
            SlaClocks clocks,
            NoticeWriter notices) {
        return new LeadIntake(leads, companies, engagement, active, transactions, clock, roster, clocks, notices);
    }

    @Bean
    dev.baton.core.engine.CompanyStore companyStore(JdbcClient jdbc, JsonMapper json) {
        return new dev.baton.adapter.persistence.JdbcCompanyStore(jdbc, json);
    }

    @Bean
    IngestQueue ingestQueue(LeadIntake intake, BatonSettings settings) {
        return new IngestQueue(
                intake::ingest, settings.ingest().writers(), settings.ingest().groupEvents());
    }

    @Bean
    LeadCommands leadCommands(
            LeadStore leads, ActiveAgreement active, Transactions transactions, Clock clock, SlaClocks clocks) {
        return new LeadCommands(leads, active, transactions, clock, clocks);
    }

    @Bean
    Activities activities(LeadStore leads, Transactions transactions, Clock clock, SlaClocks clocks) {
        return new Activities(leads, transactions, clock, clocks);
    }

    @Bean
    dev.baton.core.metrics.FunnelChanges funnelChanges(JdbcClient jdbc) {
        return new dev.baton.adapter.persistence.JdbcFunnelChanges(jdbc);
    }

    @Bean
    FunnelMetrics funnelMetrics(JdbcClient jdbc, ActiveAgreement active, Clock clock) {
        return new FunnelMetrics(new JdbcMetrics(jdbc), active, clock);
    }

    @Bean
    dev.baton.core.audit.FunnelAudit funnelAudit(JdbcClient jdbc) {
        return new dev.baton.core.audit.FunnelAudit(new dev.baton.adapter.persistence.JdbcFunnelAudit(jdbc));
    }

    @Bean
    dev.baton.core.metrics.SpendStore spendStore(JdbcClient jdbc, Clock clock) {
        return new dev.baton.adapter.persistence.JdbcSpendStore(jdbc, clock);
    }

    @Bean
    Plans plans(FunnelMetrics metrics, ActiveAgreement active, Clock clock) {
        return new Plans(metrics, active, clock);
    }

    /**
     * The scorecard's lines run side by side, each on a connection of its own, four at a time at most; the threads
     * end after a minute without work.
     */
    @Bean
    Scorecards scorecards(FunnelMetrics metrics) {
        var threads = new java.util.concurrent.atomic.AtomicInteger();
        var lines = new java.util.concurrent.ThreadPoolExecutor(
                4, 4, 1, TimeUnit.MINUTES, new java.util.concurrent.LinkedBlockingQueue<>(), task -> {
                    var thread = new Thread(task, "scorecard-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        lines.allowCoreThreadTimeOut(true);
        return new Scorecards(metrics, lines);
    }

    @Bean
    ClockStore clockStore(JdbcClient jdbc) {
        return new JdbcClockStore(jdbc);
    }

    @Bean
    SlaClocks slaClocks(ClockStore store, ActiveAgreement active, Telemetry telemetry, RosterStore roster) {
        return new SlaClocks(store, active, telemetry, roster);
    }

    @Bean
    DueClocks dueClocks(
            ClockStore store,
            SlaClocks clocks,
            LeadStore leads,
            Reassignments reassignments,
            LeadCommands commands,
            Transactions transactions,
            Clock clock,
            NoticeWriter notices) {
        return new DueClocks(store, clocks, leads, reassignments, commands, transactions, clock, notices);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "baton.sla.timers", matchIfMissing = true)
    SlaTimerWorker slaTimerWorker(DueClocks due, BatonSettings settings) {
        return new SlaTimerWorker(due, settings.sla().interval(), settings.sla().batch());
    }

    @Bean
    Handoffs handoffs(
            LeadQueries queries,
            LeadStore leads,
            EngagementStore engagement,
            ActiveAgreement active,
            Clock clock,
            SlaClocks clocks) {
        return new Handoffs(queries, leads, engagement, active, clock, clocks);
    }

    @Bean
    RosterCommands rosterCommands(RosterStore roster, Transactions transactions, Clock clock) {
        return new RosterCommands(roster, transactions, clock);
    }

    @Bean
    Reassignments reassignments(
            LeadStore leads,
            RosterStore roster,
            ActiveAgreement active,
            Transactions transactions,
            Clock clock,
            SlaClocks clocks) {
        return new Reassignments(leads, roster, active, transactions, clock, clocks);
    }
}
