package dev.baton.adapter.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Says which field of a JSON body was wrong, in a sentence a person can act on, and names it the way the caller wrote
 * it. Messages speak of text, numbers, times and lists — never of the Java types behind them.
 */
final class JsonErrors {

    /** A field and what is wrong with it. */
    record FieldError(String field, String message) {}

    private JsonErrors() {}

    static FieldError describe(HttpMessageNotReadableException e) {
        DatabindException databind = find(e, DatabindException.class);
        if (databind != null) {
            String field = path(databind.getPath());
            return new FieldError(field, message(databind, field));
        }
        JacksonException jackson = find(e, JacksonException.class);
        if (jackson instanceof StreamConstraintsException) {
            return new FieldError("", "the body is too large or too deeply nested: " + jackson.getOriginalMessage());
        }
        if (jackson != null) {
            String where =
                    jackson.getLocation() != null && jackson.getLocation().getLineNr() > 0
                            ? " (line " + jackson.getLocation().getLineNr() + ", column "
                                    + jackson.getLocation().getColumnNr() + ")"
                            : "";
            return new FieldError("", "the body is not valid JSON: " + firstLine(jackson.getOriginalMessage()) + where);
        }
        return new FieldError("", "the request body is missing or cannot be read");
    }

    private static String message(DatabindException e, String field) {
        String subject = field.isEmpty() ? "the body" : "field '" + field + "'";
        if (e instanceof JsonInput.Refused) {
            return subject + ": " + e.getOriginalMessage();
        }
        if (e instanceof PropertyBindingException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return "unknown field '" + field + "'"
                    + (known == null || known.isEmpty()
                            ? ""
                            : "; the fields here are "
                                    + String.join(
                                            ", ",
                                            known.stream()
                                                    .map(String::valueOf)
                                                    .sorted()
                                                    .toList()));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = subject + " must be " + kind(mismatch.getTargetType());
            if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
                return expected + ", not " + quoted(invalid.getValue());
            }
            return expected;
        }
        return subject + " has a value of the wrong kind";
    }

    /** The kind of value a type stands for, as the API's documentation says it. */
    private static String kind(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Long.class
                || type == Integer.class
                || type == Short.class
                || type == long.class
                || type == int.class
                || type == short.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return type == BigDecimal.class ? "a number, like 48000 or 19.99" : "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Instant.class) {
            return "a time like 2026-11-20T15:00:00Z";
        }
        if (type == LocalDate.class) {
            return "a date like 2027-02-28";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of names and values";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of "
                    + String.join(
                            ", ",
                            java.util.Arrays.stream(type.getEnumConstants())
                                    .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
                                    .toList());
        }
        return "an object";
    }

    private static String quoted(Object value) {
        String text = JsonInput.visible(String.valueOf(value));
        return value instanceof String ? "\"" + text + "\"" : text;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static <T extends Throwable> @Nullable T find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
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
