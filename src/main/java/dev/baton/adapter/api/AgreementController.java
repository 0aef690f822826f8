package dev.baton.adapter.api;

import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.adapter.yaml.ReadResult;
import dev.baton.core.access.Actor;
import dev.baton.core.access.AgreementWork;
import dev.baton.core.agreement.AgreementVersion;
import dev.baton.core.agreement.Approval;
import dev.baton.core.engine.AgreementService;
import dev.baton.core.engine.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Agreement versions: propose, validate, list, sign off, activate, diff. */
@RestController
@RequestMapping(path = "/api/v1/agreements", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Agreements", description = "The versioned marketing–sales agreement and its sign-off")
class AgreementController {

    static final String YAML = "application/yaml";

    private final AgreementService agreements;
    private final AgreementYamlReader reader;
    private final AgreementWork work;

    AgreementController(AgreementService agreements, AgreementYamlReader reader, AgreementWork work) {
        this.agreements = agreements;
        this.reader = reader;
        this.work = work;
    }

    @PostMapping(consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @Operation(
            summary = "Store an agreement file as a new draft version (400 with every problem if it is invalid)",
            responses = @ApiResponse(responseCode = "201", description = "Stored as a new draft version"))
    ResponseEntity<VersionView> propose(
            Actor actor, @RequestBody String source, @RequestParam(required = false) @Nullable String note) {
        ReadResult result = reader.read(source, "request body");
        if (!result.isValid()) {
            throw new InvalidAgreement(result.problems());
        }
        AgreementVersion version = work.propose(actor, result.orThrow(), source, Optional.ofNullable(note));
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + version.number()))
                .body(VersionView.of(version));
    }

    @PostMapping(
            path = "/validate",
            consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Check an agreement file without storing it")
    ValidationView validate(@RequestBody String source) {
        ReadResult result = reader.read(source, "request body");
        if (!result.isValid()) {
            throw new InvalidAgreement(result.problems());
        }
        return new ValidationView(true, result.orThrow().summary());
    }

    @GetMapping
    @Operation(summary = "List every version, oldest first")
    List<VersionView> list() {
        return agreements.versions().stream().map(VersionView::of).toList();
    }

    @GetMapping("/active")
    @Operation(summary = "The version in force")
    VersionView active() {
        return agreements
                .active()
                .map(VersionView::of)
                .orElseThrow(() -> new BatonException.NotFound("no agreement version is active yet"));
    }

    @GetMapping("/{number}")
    @Operation(summary = "One version with its approvals")
    VersionView version(@PathVariable int number) {
        return VersionView.of(agreements.version(number));
    }

    @GetMapping(path = "/{number}/source", produces = YAML)
    @Operation(summary = "The agreement file of a version, exactly as stored")
    String source(@PathVariable int number) {
        return agreements.version(number).source();
    }

    @PostMapping("/{number}/approvals")
    @Operation(summary = "Sign a draft for marketing or sales")
    VersionView approve(Actor actor, @PathVariable int number, @Valid @RequestBody ApprovalRequest request) {
        Approval.Side side = Approval.Side.of(request.side())
                .orElseThrow(
                        () -> new BadRequest("side", "side must be marketing or sales, not '" + request.side() + "'"));
        return VersionView.of(work.approve(actor, number, side, Optional.ofNullable(request.comment())));
    }

    @PostMapping("/{number}/activation")
    @Operation(summary = "Make a version the active one (409 unless marketing and sales both approved it)")
    VersionView activate(Actor actor, @PathVariable int number) {
        return VersionView.of(work.activate(actor, number));
    }

    @GetMapping("/{from}/diff/{to}")
    @Operation(summary = "What changes from one version to another, clause by clause")
    DiffView diff(@PathVariable int from, @PathVariable int to) {
        return DiffView.of(from, to, agreements.diff(from, to));
    }

    /** A sign-off: the side signed; the approver is the caller, never a name in the body. */
    record ApprovalRequest(@NotBlank String side, @Nullable String comment) {}

    record ValidationView(boolean valid, String summary) {}
}
