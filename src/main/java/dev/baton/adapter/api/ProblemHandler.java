package dev.baton.adapter.api;

import dev.baton.adapter.security.BodySizeLimitFilter;
import dev.baton.adapter.security.ProblemResponses;
import dev.baton.core.engine.BatonException;
import dev.baton.core.lifecycle.Step;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/** Turns every refused request into an RFC 9457 problem: 400 naming the field, 404, 409. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    static final String TYPES = ProblemResponses.TYPES;

    @ExceptionHandler
    ProblemDetail invalidAgreement(InvalidAgreement e) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, "invalid-agreement", "Invalid agreement", e.getMessage());
        problem.setProperty(
                "errors",
                e.problems().stream()
                        .map(p -> Map.of(
                                "line", p.line(),
                                "column", p.column(),
                                "field", field(p.message()),
                                "message", p.message()))
                        .toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidImport(InvalidImport e) {
        ImportView report = e.report();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-csv", "Import refused", e.getMessage());
        problem.setProperty("kind", report.kind());
        problem.setProperty("mode", report.mode());
        problem.setProperty("dryRun", report.dryRun());
        problem.setProperty("rows", report.rows());
        problem.setProperty("applied", report.applied());
        problem.setProperty("rejected", report.rejected());
        problem.setProperty("errors", report.errors());
        problem.setProperty("errorCount", report.errorCount());
        problem.setProperty("notes", report.notes());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badRequest(BadRequest e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "'" + e.getValue() + "' is not a valid " + e.getName();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", message);
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "message", message)));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalid(BatonException.Invalid e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidFields(InvalidFields e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
        problem.setProperty(
                "errors",
                e.errors().stream()
                        .map(f -> Map.of("field", f.field(), "message", f.message()))
                        .toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail illegalTransition(BatonException.IllegalTransition e) {
        ProblemDetail problem =
                problem(HttpStatus.CONFLICT, "illegal-transition", "Not allowed in the lead's stage", e.getMessage());
        problem.setProperty("stage", e.current().word());
        problem.setProperty("allowed", e.allowed().stream().map(Step::word).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(BatonException.NotFound e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        e.field()
                .ifPresent(field ->
                        problem.setProperty("errors", List.of(Map.of("field", field, "message", e.getMessage()))));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail forbidden(BatonException.Forbidden e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooMany(BatonException.TooMany e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests", e.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail conflict(BatonException.Conflict e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Refused in the current state", e.getMessage());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", f.getField() + " " + f.getDefaultMessage()))
                .toList();
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                errors.stream()
                        .map(m -> m.get("message"))
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("invalid request"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (tooLarge(e)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Payload too large", e.getMessage()));
        }
        JsonErrors.FieldError error = JsonErrors.describe(e);
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", error.message());
        if (!error.field().isEmpty()) {
            problem.setProperty("errors", List.of(Map.of("field", error.field(), "message", error.message())));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    ProblemDetail bodyTooLarge(BodySizeLimitFilter.TooLarge e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Payload too large", e.getMessage());
    }

    /** The firewall checks a parameter when it is first read, which may be in a controller. */
    @ExceptionHandler
    ProblemDetail rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "rejected-request", "Request refused", e.getMessage());
    }

    /** A bug, not the caller's fault: logged with its trace, answered without it; a client that left gets nothing. */
    @ExceptionHandler
    @Nullable
    ProblemDetail unexpected(Exception e) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            return null;
        }
        log.error("Unexpected failure", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "server-error",
                "Internal error",
                "Baton could not answer this request; the error is in its log");
    }

    /** Every problem the framework makes gets a type of Baton's, like the ones made here. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null
                        || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(TYPES + typeOf(status)));
        }
        return response;
    }

    private static String typeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null
                ? "status-" + status.value()
                : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.TooLarge) {
                return true;
            }
        }
        return false;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    /** The path a reader message starts with, such as {@code fit[2].points}. */
    private static String field(String message) {
        int colon = message.indexOf(": ");
        String head = colon > 0 ? message.substring(0, colon) : "";
        return head.matches("[a-z][a-z0-9\\-\\[\\]._]*") ? head : "";
    }
}
