package dev.kiln.worker.registry;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonException;
import dev.kiln.core.json.JsonObject;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.MediaTypes;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v2/<name>/manifests/<reference>} with the full Accept list, verifying what comes back: the body is
 * bounded, hashed, and checked against the digest asked for, the descriptor expected, and the registry's
 * {@code Docker-Content-Digest}. The bytes are kept verbatim (digests are over bytes).
 */
final class ManifestFetcher {
    static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST_LIST,
            MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST);

    private final RegistryHttp http;

    ManifestFetcher(RegistryHttp http) {
        this.http = http;
    }

    record Fetched(Descriptor descriptor, byte[] bytes) {
    }

    /**
     * @param expected the descriptor the manifest must match (from an index), or null when resolving a tag/digest
     * @param subject  what to call it in errors, e.g. {@code 127.0.0.1:5000/library/busybox:latest}
     */
    Fetched fetch(Endpoint ep, String repository, String reference, Descriptor expected, String subject) {
        long limit = expected == null ? RegistryClient.MAX_MANIFEST_BYTES : expected.size();
        if (limit > RegistryClient.MAX_MANIFEST_BYTES) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, subject + ": manifest is too large: "
                    + limit + " bytes (the limit is " + RegistryClient.MAX_MANIFEST_BYTES + ")");
        }
        HttpResponse<InputStream> response = http.send(ep, RegistryHttp.Call.get(
                ep.uri(repository, "manifests/" + reference), Set.of(Authorizer.pullScope(repository)), subject,
                Map.of("Accept", ACCEPT)));
        if (response.statusCode() != 200) {
            throw Failures.forStatus(subject, ep, response);
        }
        Optional<String> contentType = response.headers().firstValue("Content-Type");
        Optional<String> claimed = response.headers().firstValue("Docker-Content-Digest");
        byte[] bytes = Responses.readBounded(response, limit, subject + " manifest");
        Digest actual = Digest.sha256(bytes);
        checkDigest(ep, subject, actual, reference, expected, claimed);
        if (expected != null && bytes.length != expected.size()) {
            throw mismatch(ep, subject, bytes.length + " bytes", expected.size() + " bytes");
        }
        String mediaType = mediaType(subject, contentType.orElse(""), bytes);
        return new Fetched(Descriptor.of(mediaType, actual, bytes.length), bytes);
    }

    private static void checkDigest(Endpoint ep, String subject, Digest actual, String reference,
                                    Descriptor expected, Optional<String> claimed) {
        if (expected != null && !expected.parsedDigest().equals(actual)) {
            throw mismatch(ep, subject, actual.toString(), expected.digest());
        }
        if (reference.contains(":") && !Digest.parse(reference).equals(actual)) {
            throw mismatch(ep, subject, actual.toString(), reference);
        }
        if (claimed.isPresent() && claimed.get().startsWith("sha256:") && !claimed.get().equals(actual.toString())) {
            throw mismatch(ep, subject, actual.toString(), claimed.get() + " (its Docker-Content-Digest)");
        }
    }

    private static KilnException mismatch(Endpoint ep, String subject, String got, String expected) {
        return new KilnException(ErrorKind.FAILED_PRECONDITION,
                subject + ": registry " + ep.host() + " sent a manifest of " + got + ", expected " + expected);
    }

    /** The Content-Type when it names a manifest type, else the document's own mediaType, else its shape. */
    static String mediaType(String subject, String contentType, byte[] bytes) {
        String header = contentType.split(";")[0].strip();
        if (isSupported(header)) {
            return header;
        }
        String declared;
        try {
            JsonObject json = Json.read(bytes).asObject();
            declared = json.getString("mediaType", "");
            if (declared.isEmpty() && json.getInt("schemaVersion") == 2) {
                declared = json.has("manifests") ? MediaTypes.OCI_INDEX : json.has("config") ? MediaTypes.OCI_MANIFEST : "";
            }
        } catch (JsonException e) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, subject + ": malformed manifest: " + e.getMessage());
        }
        if (!isSupported(declared)) {
            String shown = declared.isEmpty() ? (header.isEmpty() ? "unknown" : header) : declared;
            throw new KilnException(ErrorKind.FAILED_PRECONDITION,
                    subject + ": unsupported manifest media type " + Responses.printable(shown));
        }
        return declared;
    }

    private static boolean isSupported(String mediaType) {
        return List.of(MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.OCI_MANIFEST,
                MediaTypes.DOCKER_MANIFEST).contains(mediaType);
    }
}
