package dev.baton.adapter.api;

import dev.baton.adapter.csv.CsvImport;
import dev.baton.adapter.csv.FunnelMapping;
import dev.baton.adapter.csv.LeadCsvExport;
import dev.baton.core.engine.ActiveAgreement;
import dev.baton.core.engine.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CSV in and out: imports streamed a row at a time onto the lifecycle, and the export of every lead. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Import and export",
        description = "CSV files of leads, events, activities, opportunities and past stage" + " changes in; leads out")
class CsvController {

    static final String CSV = "text/csv";

    private final CsvImport imports;
    private final LeadCsvExport export;
    private final ActiveAgreement agreements;

    CsvController(CsvImport imports, LeadCsvExport export, ActiveAgreement agreements) {
        this.imports = imports;
        this.export = export;
        this.agreements = agreements;
    }

    @PostMapping(
            path = "/imports/{kind}",
            consumes = {CSV, MediaType.TEXT_PLAIN_VALUE})
    @Operation(
            summary =
                    "Import a CSV file of leads, events, activities, opportunities, stage-changes, spend or funnel, streamed row"
                            + " by row. 200 with the report; 400 with every error (line, column) when the header is wrong or,"
                            + " in mode all-or-nothing, any row is — then nothing is applied. mode=valid-rows applies the valid"
                            + " rows and lists the others; dryRun=true reports what would happen and applies nothing;"
                            + " map=Email Address:email renames the file's columns. Columns Baton does not know are"
                            + " kept as attributes (unknown-columns=attributes, the default; read past where the kind"
                            + " has no attributes), read past (ignore) or refused (error); the report's notes say which."
                            + " Times without an offset (2026-11-20 15:00) and bare dates (2026-11-20, the start of"
                            + " the day) are read in zone, by default the active agreement's timezone. A lead that"
                            + " a file of stage changes leaves an open MQL without an owner or a queue is routed as"
                            + " a live one is, its clocks starting now, unless historyOnly=true. Kind funnel takes a"
                            + " row per deal or lead with a date per stage, mapped by mapping entries:"
                            + " key:opportunity_id, stage:engage_date=opportunity, outcome:deal_stage, won:Won,"
                            + " lost:Lost, closed:close_date, amount:close_value, currency:USD, company:account,"
                            + " actor:sales_agent, email:COLUMN, lostReason:COLUMN.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary"))))
    ImportView importCsv(
            @PathVariable String kind,
            @RequestParam(defaultValue = "all-or-nothing") String mode,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) @Nullable List<String> map,
            @RequestParam(defaultValue = "attributes") String unknownColumns,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(defaultValue = "false") boolean historyOnly,
            @RequestParam(required = false) @Nullable List<String> mapping,
            InputStream body)
            throws IOException {
        if (!imports.kinds().contains(kind)) {
            drain(body);
            throw new BatonException.NotFound(
                    "there is no import of kind '" + kind + "'; the kinds are " + String.join(", ", imports.kinds()));
        }
        var chosen = CsvImport.Mode.of(mode);
        if (chosen.isEmpty()) {
            drain(body);
            throw new BadRequest("mode", "mode must be all-or-nothing or valid-rows, not '" + mode + "'");
        }
        Map<String, String> renames = renames(map == null ? List.of() : map, body);
        var unknown = CsvImport.UnknownColumns.of(unknownColumns);
        if (unknown.isEmpty()) {
            drain(body);
            throw new BadRequest(
                    "unknownColumns",
                    "unknownColumns must be attributes, ignore or error, not '" + unknownColumns + "'");
        }
        ZoneId timezone = zone(zone, body);
        Optional<FunnelMapping> funnel = Optional.empty();
        if (kind.equals(CsvImport.FUNNEL)) {
            try {
                funnel = Optional.of(FunnelMapping.parse(mapping == null ? List.of() : mapping));
            } catch (IllegalArgumentException e) {
                drain(body);
                throw new BadRequest("mapping", e.getMessage());
            }
        } else if (mapping != null) {
            drain(body);
            throw new BadRequest("mapping", "only an import of kind funnel takes a mapping");
        }
        ImportView report = ImportView.of(imports.run(
                kind,
                new CsvImport.Options(chosen.get(), dryRun, renames, unknown.get(), timezone, historyOnly, funnel),
                body));
        if (report.refused() && !dryRun) {
            throw new InvalidImport(report);
        }
        return report;
    }

    @GetMapping(path = "/exports/leads", produces = CSV)
    @Operation(
            summary = "Every lead as CSV, streamed in id order: id, email, stage, score, owner, names, title, source,"
                    + " company, created_at, qualified_at, qualified_with",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = CSV)))
    void exportLeads(HttpServletResponse response) throws IOException {
        response.setContentType(CSV + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"leads.csv\"");
        export.write(response.getOutputStream());
    }

    /** The zone asked for, or the active agreement's, or UTC when there is none. */
    private ZoneId zone(@Nullable String zone, InputStream body) throws IOException {
        if (zone == null) {
            return agreements
                    .current()
                    .map(a -> a.agreement().calendar().timezone())
                    .orElse(ZoneOffset.UTC);
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (java.time.DateTimeException e) {
            drain(body);
            throw new BadRequest("zone", "'" + zone + "' is not a timezone like Europe/Berlin or UTC");
        }
    }

    /** The renames {@code Email Address:email}, one per entry; the name may hold colons, the column cannot. */
    private static Map<String, String> renames(List<String> entries, InputStream body) throws IOException {
        var renames = new LinkedHashMap<String, String>();
        for (String entry : entries) {
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                drain(body);
                throw new BadRequest("map", "map takes pairs like 'Email Address:email', not '" + entry + "'");
            }
            renames.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
        return renames;
    }

    /** Reads a refused body to its end, so that a client still sending it gets the answer rather than a reset. */
    private static void drain(InputStream body) throws IOException {
        body.transferTo(OutputStream.nullOutputStream());
    }
}
