package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.ContentStore;
import dev.kiln.core.content.ContentWriter;
import dev.kiln.core.oci.Descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code GET /v2/<name>/blobs/<digest>} streamed into the content store: never more than the descriptor's size
 * is read, and the store's commit checks size and digest, so a wrong blob is never published.
 */
final class BlobFetcher {
    private final RegistryHttp http;
    private final ContentStore store;

    BlobFetcher(RegistryHttp http, ContentStore store) {
        this.http = http;
        this.store = store;
    }

    void fetch(Endpoint ep, String repository, Descriptor blob, String subject) {
        HttpResponse<InputStream> response = http.send(ep, RegistryHttp.Call.get(
                ep.uri(repository, "blobs/" + blob.digest()), Set.of(Authorizer.pullScope(repository)), subject,
                Map.of()));
        if (response.statusCode() != 200) {
            throw Failures.forStatus(subject, ep, response);
        }
        OptionalLong length = Responses.contentLength(response);
        if (length.isPresent() && length.getAsLong() != blob.size()) {
            Responses.discard(response);
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, subject + ": registry " + ep.host()
                    + " announced " + length.getAsLong() + " bytes, expected " + blob.size());
        }
        try (InputStream in = response.body(); ContentWriter w = store.writer()) {
            copyAtMost(in, w, blob.size() + 1);
            w.commit(blob.size(), blob.parsedDigest());
        } catch (IOException e) {
            throw new TransientRegistryException(subject + ": download from " + ep.host() + " failed: "
                    + Failures.describe(e), e);
        } catch (TransientRegistryException e) {
            throw e;
        } catch (KilnException e) {
            throw new KilnException(e.kind(), subject + ": registry " + ep.host() + " sent bad content: "
                    + e.getMessage(), e);
        }
    }

    private static void copyAtMost(InputStream in, ContentWriter out, long max) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = max;
        for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
            out.write(buf, 0, n);
            left -= n;
        }
    }
}
