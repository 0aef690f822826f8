package dev.baton.adapter.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.baton.adapter.security.CurrentActor;
import dev.baton.core.audit.FunnelAudit;
import dev.baton.core.engine.ActiveAgreement;
import java.io.StringWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The funnel audit as a page, for everyone signed in: the summary, the findings most pipeline at risk first with
 * their example leads and fixes, the reason codes given and the checks that came out clean; and as CSV. The page
 * prints as a report (the print style sheet leaves out the bar and the links' chrome).
 */
@Controller
class AuditPageController {

    private static final DateTimeFormatter AS_OF =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final FunnelAudit audit;
    private final ActiveAgreement active;
    private final Clock clock;

    AuditPageController(FunnelAudit audit, ActiveAgreement active, Clock clock) {
        this.audit = audit;
        this.active = active;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String page(Model model) {
        FunnelAudit.Report report = report();
        model.addAttribute("email", CurrentActor.current().name());
        model.addAttribute("report", report);
        model.addAttribute("asOf", AS_OF.format(report.asOf()));
        model.addAttribute("agreement", active.current().isPresent());
        return "audit";
    }

    @GetMapping("/audit.csv")
    ResponseEntity<String> csv() {
        var out = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().build(out)) {
            report().rows().forEach(writer::writeRecord);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"funnel-audit.csv\"")
                .body(out.toString());
    }

    private FunnelAudit.Report report() {
        return audit.run(active.current().map(ActiveAgreement.Running::agreement), clock.instant());
    }
}
