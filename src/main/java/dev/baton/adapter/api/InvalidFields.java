package dev.baton.adapter.api;

import java.util.ArrayList;
import java.util.List;

/** Every field of a request that is missing or wrong, collected before anything is written. */
final class InvalidFields extends RuntimeException {

    private final List<JsonErrors.FieldError> errors;

    InvalidFields(List<JsonErrors.FieldError> errors) {
        super(
                errors.size() == 1
                        ? errors.get(0).message()
                        : errors.size() + " fields are invalid: "
                                + String.join(
                                        "; ",
                                        errors.stream()
                                                .map(JsonErrors.FieldError::message)
                                                .toList()));
        this.errors = List.copyOf(errors);
    }

    List<JsonErrors.FieldError> errors() {
        return errors;
    }

    /** Collects field errors and throws them together. */
    static final class Collector {
        private final List<JsonErrors.FieldError> errors = new ArrayList<>();

        void add(String field, String message) {
            errors.add(new JsonErrors.FieldError(field, message));
        }

        boolean isEmpty() {
            return errors.isEmpty();
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidFields(errors);
            }
        }
    }
}
