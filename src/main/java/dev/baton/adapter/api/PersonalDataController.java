package dev.baton.adapter.api;

import dev.baton.core.access.Actor;
import dev.baton.core.access.Audit;
import dev.baton.core.lead.Email;
import dev.baton.core.privacy.PersonalData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A person's data by their email: everything Baton holds about them, and its erasure. */
@RestController
@RequestMapping(path = "/api/v1/personal-data", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Personal data", description = "What Baton holds about a person, and erasing it")
class PersonalDataController {

    private static final String PROBLEM = "application/problem+json";

    private final PersonalData personalData;
    private final Audit audit;

    PersonalDataController(PersonalData personalData, Audit audit) {
        this.personalData = personalData;
        this.audit = audit;
    }

    @GetMapping
    @Operation(
            summary = "Everything held about the person with this email: their lead, timeline, events, activities,"
                    + " clocks, notices, funnel cycles, campaign touches and company claims",
            responses = {
                @ApiResponse(responseCode = "200", description = "All that is held"),
                @ApiResponse(
                        responseCode = "404",
                        description = "Nothing is held about this email (or no longer: it was erased)",
                        content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
            })
    PersonalData.Export export(Actor actor, @RequestParam(required = false) @Nullable String email) {
        Email person = email(email);
        PersonalData.Export export = personalData.export(person);
        // the trail names the leads, never the email: it would outlive an erasure otherwise
        audit.note(
                actor,
                "person.exported",
                subject(export.leads().stream().map(PersonalData.HeldLead::id).toList()),
                java.util.Map.of("leads", Integer.toString(export.leads().size())));
        return export;
    }

    @PostMapping("/erasure")
    @Operation(
            summary = "Erase the person with this email: their values go from every table, their lead stays as an"
                    + " anonymous record so that every count and metric stays as it was",
            responses = {
                @ApiResponse(responseCode = "200", description = "The leads made anonymous, and when"),
                @ApiResponse(
                        responseCode = "404",
                        description = "Nothing is held about this email, or it was erased already",
                        content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
            })
    PersonalData.Erased erase(Actor actor, @RequestBody ErasureRequest request) {
        Email person = email(request.email());
        return audit.record(
                actor,
                "person.erased",
                "person",
                java.util.Map::of,
                () -> personalData.erase(person),
                erased -> java.util.Map.of("leads", subject(erased.leadIds())));
    }

    private static String subject(java.util.List<Long> leads) {
        return String.join(",", leads.stream().map(id -> "lead/" + id).toList());
    }

    private static Email email(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new BadRequest("email", "email is required: whose personal data");
        }
        return Email.parse(text)
                .orElseThrow(() -> new BadRequest("email", "'" + text.strip() + "' is not an email address"));
    }

    /** Whose data to erase. */
    record ErasureRequest(@Nullable String email) {}
}
