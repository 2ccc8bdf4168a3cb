package dev.kiln.worker.registry;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

/** {@code PUT /v2/<name>/manifests/<tag or digest>} with the manifest's own media type. */
final class ManifestPusher {
    private final RegistryHttp http;

    ManifestPusher(RegistryHttp http) {
        this.http = http;
    }

    void push(Endpoint ep, String repository, String reference, String mediaType, byte[] bytes, String subject) {
        HttpResponse<InputStream> r = http.send(ep, new RegistryHttp.Call("PUT",
                ep.uri(repository, "manifests/" + reference), Map.of("Content-Type", mediaType),
                () -> HttpRequest.BodyPublishers.ofByteArray(bytes), Set.of(Authorizer.pushScope(repository)), subject));
        if (r.statusCode() / 100 != 2) {
            throw Failures.forStatus(subject, ep, r);
        }
        String expected = Digest.sha256(bytes).toString();
        String claimed = r.headers().firstValue("Docker-Content-Digest").orElse(expected);
        Responses.discard(r);
        if (!claimed.equals(expected)) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, subject + ": registry " + ep.host()
                    + " stored the manifest as " + Responses.printable(claimed) + ", expected " + expected);
        }
    }
}
