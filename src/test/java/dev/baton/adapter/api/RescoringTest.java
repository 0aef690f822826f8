package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.engine.ActiveAgreement;
import dev.baton.core.engine.EngagementStore;
import dev.baton.core.engine.LeadStore;
import dev.baton.core.engine.NoticeWriter;
import dev.baton.core.engine.RescoreJobs;
import dev.baton.core.engine.Rescoring;
import dev.baton.core.engine.RosterStore;
import dev.baton.core.engine.SlaClocks;
import dev.baton.core.engine.Transactions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class RescoringTest extends LeadScenarios {

    @Autowired
    Rescoring rescoring;

    @Autowired
    RescoreJobs jobs;

    @Autowired
    LeadStore leads;

    @Autowired
    EngagementStore engagement;

    @Autowired
    ActiveAgreement agreements;

    @Autowired
    Transactions transactions;

    @Autowired
    RosterStore roster;

    @Autowired
    SlaClocks clocks;

    @Autowired
    NoticeWriter notices;

    private int activateWithThreshold(int threshold) throws IOException {
        String source = Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml"))
                .replace("  threshold: 60", "  threshold: " + threshold)
                .replace("agreement: Northwind SaaS", "agreement: Northwind SaaS (threshold " + threshold + ")");
        return activate(source, "threshold " + threshold);
    }

    /** An ideal lead with one email click: a single signal, so no threshold qualifies it (two are needed). */
    private long oneSignalLead() {
        long id = createLead(idealLead(unique("one") + "@onesignal-" + unique("c") + ".example"));
        send(event(unique("e"), "\"leadId\":" + id, "email_clicked", NOW.minusSeconds(30), "{}"));
        return id;
    }

    private RescoreJobs.Job latestJob() {
        var jobs = rescoring.jobs();
        return jobs.get(jobs.size() - 1);
    }

    private long scoredBy(long lead, int version) {
        return jdbc.sql("""
                        select count(*) from lead_history
                         where lead_id = :lead and type = 'LeadScored' and cause = :cause
                        """)
                .param("lead", lead)
                .param("cause", "agreement version " + version + " activated")
                .query(Long.class)
                .single();
    }

    @Test
    void activatingAVersionRescoresEveryOpenLeadWhileLeadsKeepTheVersionThatQualifiedThem() throws IOException {
        rescoring.drain(1000);
        long qualified = qualifiedLead();
        long waiting = oneSignalLead();
        long nearly = createLead(idealLead(unique("near") + "@nearly-" + unique("c") + ".example"));
        send(
                event(unique("e"), "\"leadId\":" + nearly, "email_clicked", NOW.minusSeconds(30), "{}"),
                event(unique("e"), "\"leadId\":" + nearly, "content_downloaded", NOW.minusSeconds(20), "{}"));
        assertThat(lead(nearly).get("stage").asString())
                .as("57 points, under 60")
                .isEqualTo("lead");

        int lower = activateWithThreshold(10);
        RescoreJobs.Job started = latestJob();
        rescoring.drain(7);

        RescoreJobs.Job done = rescoring.job(started.id());
        assertThat(started.agreementVersion()).isEqualTo(lower);
        assertThat(done.status()).isEqualTo(RescoreJobs.Job.Status.DONE);
        assertThat(done.done()).isEqualTo(started.total());
        assertThat(lead(qualified).get("qualifiedWith").asInt()).isEqualTo(version);
        assertThat(lead(qualified).get("scoredWith").asInt()).isEqualTo(lower);
        assertThat(lead(nearly).get("stage").asString()).isEqualTo("mql");
        assertThat(lead(nearly).get("qualifiedWith").asInt()).isEqualTo(lower);
        assertThat(timelineTypes(nearly))
                .as("qualified and routed by the job, in a transaction of its own")
                .contains("LeadQualified")
                .containsAnyOf("LeadRouted", "LeadQueued");
        JsonNode rescored = lead(waiting);
        assertThat(rescored.get("stage").asString()).isEqualTo("lead");
        assertThat(rescored.get("scoredWith").asInt()).isEqualTo(lower);
        JsonNode progress = get("/api/v1/rescoring/" + started.id()).json();
        assertThat(progress.get("status").asString()).isEqualTo("done");
        assertThat(progress.get("percent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void aJobResumesFromItsCheckpointAndScoresEveryLeadOnce() throws IOException {
        rescoring.drain(1000);
        long first = oneSignalLead();
        long second = oneSignalLead();
        int next = activateWithThreshold(55);
        long total = latestJob().total();

        assertThat(rescoring.step(1)).isTrue();
        assertThat(rescoring.step(1)).isTrue();
        long afterTwo = latestJob().done();
        Rescoring afterRestart =
                new Rescoring(jobs, leads, engagement, agreements, transactions, clock, roster, clocks, notices);
        afterRestart.drain(5);

        assertThat(afterTwo).isEqualTo(2);
        assertThat(latestJob().done()).isEqualTo(total);
        assertThat(scoredBy(first, next)).isEqualTo(1);
        assertThat(scoredBy(second, next)).isEqualTo(1);
    }

    @Test
    void twoWorkersShareAJobAndScoreEveryLeadOnce() throws Exception {
        rescoring.drain(1000);
        var created = new java.util.ArrayList<Long>();
        for (int i = 0; i < 12; i++) {
            created.add(oneSignalLead());
        }
        int next = activateWithThreshold(57);
        RescoreJobs.Job started = latestJob();

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> rescoring.drain(2));
            var second = pool.submit(() -> new Rescoring(
                            jobs, leads, engagement, agreements, transactions, clock, roster, clocks, notices)
                    .drain(3));
            first.get(60, java.util.concurrent.TimeUnit.SECONDS);
            second.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        rescoring.drain(2);

        RescoreJobs.Job done = rescoring.job(started.id());
        assertThat(done.status()).isEqualTo(RescoreJobs.Job.Status.DONE);
        assertThat(done.done()).isEqualTo(started.total());
        assertThat(created).allSatisfy(lead -> assertThat(scoredBy(lead, next)).isEqualTo(1));
        assertThat(jdbc.sql("select count(*) from rescore_chunk")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aChunkWhoseWorkerDiedIsTakenUpByTheNext() throws IOException {
        rescoring.drain(1000);
        long lead = oneSignalLead();
        int next = activateWithThreshold(58);
        transactions.inTransaction(() -> {
            RescoreJobs.Job job = jobs.lockRunning().orElseThrow();
            jobs.reserve(job.id(), job.lastLeadId() + 1, lead);
            return job;
        });

        rescoring.drain(1000);

        assertThat(scoredBy(lead, next)).isEqualTo(1);
        assertThat(latestJob().status()).isEqualTo(RescoreJobs.Job.Status.DONE);
        assertThat(latestJob().done()).isEqualTo(latestJob().total());
    }

    @Test
    void aLeadCreatedAfterActivationIsScoredByTheNewVersionAndNotCountedByTheJob() throws IOException {
        rescoring.drain(1000);
        oneSignalLead();
        int next = activateWithThreshold(59);
        long later = oneSignalLead();

        rescoring.drain(1000);

        assertThat(latestJob().done()).isEqualTo(latestJob().total());
        assertThat(scoredBy(later, next)).isZero();
        assertThat(lead(later).get("scoredWith").asInt()).isEqualTo(next);
    }

    @Test
    void ingestionGoesOnWhileAJobRuns() throws IOException {
        rescoring.drain(1000);
        long lead = oneSignalLead();
        activateWithThreshold(50);
        rescoring.step(1);

        Response sent = send(event(unique("e"), "\"leadId\":" + lead, "page_view", NOW, "{\"url\":\"/pricing\"}"));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(latestJob().status()).isEqualTo(RescoreJobs.Job.Status.RUNNING);
        assertThat(lead(lead).get("stage").asString()).isEqualTo("mql");
    }
}
