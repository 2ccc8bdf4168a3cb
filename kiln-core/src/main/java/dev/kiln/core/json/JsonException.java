package dev.kiln.core.json;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

/**
 * Malformed JSON, or JSON of the wrong shape for what reads it. The message says where: the line and column of a
 * syntax error, or the path of the field with the wrong type ({@code layers[2].size}). {@link Json#parse} turns it
 * into a message naming the document; code that reads a tree itself can catch it to report its own error.
 */
public final class JsonException extends KilnException {
    private final String path;
    private final String detail;

    private JsonException(String path, String detail) {
        super(ErrorKind.INVALID_ARGUMENT, path.isEmpty() ? detail : path + ": " + detail);
        this.path = path;
        this.detail = detail;
    }

    /** A syntax error (with its position in the message) or an unusable value. */
    static JsonException of(String detail) {
        return new JsonException("", detail);
    }

    /** A value of the wrong JSON type: "expected a string, got an object". */
    static JsonException mismatch(String expected, JsonValue actual) {
        return of("expected " + expected + ", got " + actual.kind());
    }

    /** The same error one level further out: inside the member {@code name} of an object. */
    JsonException inMember(String name) {
        return within(name);
    }

    /** The same error one level further out: inside element {@code index} of an array. */
    JsonException inElement(int index) {
        return within("[" + index + "]");
    }

    private JsonException within(String segment) {
        String outer = path.isEmpty() || path.startsWith("[") ? segment + path : segment + "." + path;
        JsonException e = new JsonException(outer, detail);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
