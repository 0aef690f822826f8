package dev.baton.adapter.api;

import java.util.List;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Says which field of a JSON body was wrong, in a sentence, and names it the way the caller wrote it. */
final class JsonErrors {

    /** A field and what is wrong with it. */
    record FieldError(String field, String message) {}

    private JsonErrors() {}

    static FieldError describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = path(databind.getPath());
            if (databind instanceof UnrecognizedPropertyException) {
                return new FieldError(field, "unknown field '" + field + "'");
            }
            return new FieldError(field, "field '" + field + "': " + databind.getOriginalMessage());
        }
        if (cause instanceof JacksonException jackson) {
            String where = jackson.getLocation() != null
                    ? " (line " + jackson.getLocation().getLineNr() + ", column "
                            + jackson.getLocation().getColumnNr() + ")"
                    : "";
            return new FieldError("", "the body is not valid JSON: " + jackson.getOriginalMessage() + where);
        }
        return new FieldError("", "the request body is missing or unreadable");
    }

    /** {@code events[3].occurredAt} from Jackson's reference chain. */
    private static String path(List<JacksonException.Reference> references) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
