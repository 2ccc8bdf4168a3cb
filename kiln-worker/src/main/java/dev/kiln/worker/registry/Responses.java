package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonArray;
import dev.kiln.core.json.JsonException;
import dev.kiln.core.json.JsonObject;
import dev.kiln.core.json.JsonString;
import dev.kiln.core.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reading registry responses defensively: bodies are read up to a limit, error bodies are reduced to one short
 * printable line, and statuses become the errors a user sees.
 */
final class Responses {
    static final int MAX_ERROR_BODY = 64 * 1024;
    private static final int MAX_MESSAGE = 300;
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
            Map.entry(416, "Range Not Satisfiable"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private Responses() {
    }

    /** Reads the whole body, failing when it is longer than {@code limit} (checked before and while reading). */
    static byte[] readBounded(HttpResponse<InputStream> response, long limit, String what) {
        OptionalLong declared = contentLength(response);
        try (InputStream in = response.body()) {
            if (declared.isPresent() && declared.getAsLong() > limit) {
                throw tooLarge(what, declared.getAsLong() + " bytes", limit);
            }
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (data.length > limit) {
                throw tooLarge(what, "more than " + limit + " bytes", limit);
            }
            return data;
        } catch (IOException e) {
            throw new TransientRegistryException("reading " + what + ": " + Failures.describe(e), e);
        }
    }

    private static KilnException tooLarge(String what, String size, long limit) {
        return new KilnException(ErrorKind.FAILED_PRECONDITION,
                what + " is too large: " + size + " (the limit is " + limit + ")");
    }

    static OptionalLong contentLength(HttpResponse<?> response) {
        try {
            return response.headers().firstValueAsLong("Content-Length");
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Drains (up to a limit) and closes a body we do not need, so the connection can be reused. */
    static void discard(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            // the connection is closed either way
        }
    }

    /** {@code 404 Not Found} */
    static String status(int code) {
        return code + " " + REASONS.getOrDefault(code, "");
    }

    /**
     * The registry's explanation from an error body: the {@code message} (or {@code code}) fields of the
     * Distribution error envelope {@code {"errors":[{"code":…,"message":…}]}}, else the start of the text. Always
     * one short line of printable characters. Consumes and closes the body.
     */
    static String errorMessage(HttpResponse<InputStream> response) {
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return "";
        }
        return errorMessage(body);
    }

    static String errorMessage(byte[] body) {
        List<String> messages = new ArrayList<>();
        try {
            if (Json.read(body) instanceof JsonObject root && root.get("errors") instanceof JsonArray errors) {
                for (JsonValue e : errors.elements()) {
                    if (e instanceof JsonObject err) {
                        String m = text(err, "message");
                        messages.add(m.isEmpty() ? text(err, "code").toLowerCase(java.util.Locale.ROOT) : m);
                    }
                }
            }
        } catch (JsonException e) {
            // not the Distribution envelope: show the text itself
        }
        List<String> said = messages.stream().filter(m -> !m.isBlank()).toList();
        return printable(said.isEmpty() ? new String(body, StandardCharsets.UTF_8) : String.join("; ", said));
    }

    /** A member that should be a string, leniently: this text only explains an error already known. */
    private static String text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.value() : "";
    }

    static String printable(String s) {
        String one = s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return one.length() > MAX_MESSAGE ? one.substring(0, MAX_MESSAGE) + "…" : one;
    }
}
