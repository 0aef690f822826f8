package dev.baton.adapter.api;

import dev.baton.core.engine.RescoreJobs;
import dev.baton.core.engine.Rescoring;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The progress of rescoring open leads after each agreement activation. */
@RestController
@RequestMapping(path = "/api/v1/rescoring", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rescoring", description = "Open leads rescored against a newly activated agreement version")
class RescoringController {

    private final Rescoring rescoring;

    RescoringController(Rescoring rescoring) {
        this.rescoring = rescoring;
    }

    @GetMapping
    @Operation(summary = "Every rescoring job, oldest first, with its progress")
    List<JobView> jobs() {
        return rescoring.jobs().stream().map(JobView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One rescoring job")
    JobView job(@PathVariable long id) {
        return JobView.of(rescoring.job(id));
    }

    /** A job as the API shows it. */
    record JobView(
            long id,
            int agreementVersion,
            String status,
            long total,
            long done,
            double percent,
            Instant startedAt,
            @Nullable Instant finishedAt) {
        static JobView of(RescoreJobs.Job job) {
            double percent = job.total() == 0 ? 100.0 : Math.min(100.0, 100.0 * job.done() / job.total());
            return new JobView(
                    job.id(),
                    job.agreementVersion(),
                    job.status().name().toLowerCase(Locale.ROOT),
                    job.total(),
                    job.done(),
                    Math.round(percent * 10) / 10.0,
                    job.startedAt(),
                    job.finishedAt().orElse(null));
        }
    }
}
