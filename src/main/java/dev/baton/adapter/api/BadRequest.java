package dev.baton.adapter.api;

/** A request with a field that is missing or wrong. */
final class BadRequest extends RuntimeException {

    private final String field;

    BadRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
