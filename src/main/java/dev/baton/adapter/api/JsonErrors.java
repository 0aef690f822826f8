package dev.baton.adapter.api;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Says which field of a JSON body was wrong, in a sentence. */
final class JsonErrors {

    private JsonErrors() {}

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return "field '"
                    + databind.getPathReference()
                            .replaceFirst("^[^\\[]*\\[\"?", "")
                            .replace("\"]", "") + "': " + databind.getOriginalMessage();
        }
        if (cause instanceof JacksonException jackson) {
            return "the body is not valid JSON: " + jackson.getOriginalMessage()
                    + (jackson.getLocation() != null
                            ? " (line " + jackson.getLocation().getLineNr() + ", column "
                                    + jackson.getLocation().getColumnNr() + ")"
                            : "");
        }
        return "the request body is missing or unreadable";
    }
}
