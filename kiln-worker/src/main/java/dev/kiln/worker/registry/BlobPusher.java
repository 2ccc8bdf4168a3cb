package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.ContentStore;
import dev.kiln.core.oci.Descriptor;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Uploads one blob from the content store: {@code HEAD} first (nothing to do when the registry has it), then a
 * cross-repository mount when the source repository on the same registry is known, else
 * {@code POST /blobs/uploads/} followed by one monolithic {@code PUT ?digest=} or, for blobs larger than the chunk
 * size, {@code PATCH} chunks with {@code Content-Range} and a closing {@code PUT ?digest=}.
 */
final class BlobPusher {
    private static final String OCTETS = "application/octet-stream";

    private final RegistryHttp http;
    private final ContentStore store;
    private final long chunkSize;

    BlobPusher(RegistryHttp http, ContentStore store, long chunkSize) {
        this.http = http;
        this.store = store;
        this.chunkSize = chunkSize;
    }

    boolean exists(Endpoint ep, String repository, Descriptor blob, Set<String> scopes, String subject) {
        HttpResponse<InputStream> head = http.send(ep, new RegistryHttp.Call("HEAD",
                ep.uri(repository, "blobs/" + blob.digest()), Map.of(), HttpRequest.BodyPublishers::noBody,
                scopes, subject));
        if (head.statusCode() == 200) {
            Responses.discard(head);
            return true;
        }
        if (head.statusCode() == 404) {
            Responses.discard(head);
            return false;
        }
        throw Failures.forStatus(subject, ep, head);
    }

    /** @param mountFrom a repository on the same registry that has the blob, or null */
    void push(Endpoint ep, String repository, Descriptor blob, String mountFrom, String subject) {
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(Authorizer.pushScope(repository));
        if (mountFrom != null) {
            scopes.add(Authorizer.pullScope(mountFrom));
        }
        if (exists(ep, repository, blob, scopes, subject)) {
            return;
        }
        String query = mountFrom == null ? "" : "?mount=" + encode(blob.digest()) + "&from=" + encode(mountFrom);
        HttpResponse<InputStream> start = http.send(ep, new RegistryHttp.Call("POST",
                ep.uri(repository, "blobs/uploads/" + query), Map.of("Content-Type", OCTETS),
                HttpRequest.BodyPublishers::noBody, scopes, subject));
        if (start.statusCode() == 201) {
            Responses.discard(start); // mounted
            return;
        }
        URI location = uploadLocation(ep, start, subject);
        Path file = store.path(blob.parsedDigest());
        if (chunkSize > 0 && blob.size() > chunkSize) {
            location = patchChunks(ep, location, file, blob.size(), scopes, subject);
            finish(ep, location, blob, HttpRequest.BodyPublishers::noBody, scopes, subject);
        } else {
            finish(ep, location, blob, () -> ofFile(file), scopes, subject);
        }
    }

    private URI patchChunks(Endpoint ep, URI location, Path file, long size, Set<String> scopes, String subject) {
        for (long offset = 0; offset < size; offset += chunkSize) {
            long from = offset;
            long length = Math.min(chunkSize, size - offset);
            HttpResponse<InputStream> r = http.send(ep, new RegistryHttp.Call("PATCH", location,
                    Map.of("Content-Type", OCTETS, "Content-Range", from + "-" + (from + length - 1)),
                    () -> HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> slice(file, from, length)), length),
                    scopes, subject));
            location = uploadLocation(ep, r, subject);
        }
        return location;
    }

    private void finish(Endpoint ep, URI location, Descriptor blob,
                        java.util.function.Supplier<HttpRequest.BodyPublisher> body, Set<String> scopes, String subject) {
        String sep = location.getRawQuery() == null ? "?" : "&";
        URI put = URI.create(location + sep + "digest=" + encode(blob.digest()));
        HttpResponse<InputStream> done = http.send(ep, new RegistryHttp.Call("PUT", put,
                Map.of("Content-Type", OCTETS), body, scopes, subject));
        if (done.statusCode() != 201 && done.statusCode() != 204) {
            throw Failures.forStatus(subject, ep, done);
        }
        String claimed = done.headers().firstValue("Docker-Content-Digest").orElse(blob.digest());
        Responses.discard(done);
        if (!claimed.equals(blob.digest())) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, subject + ": registry " + ep.host()
                    + " stored the upload as " + Responses.printable(claimed) + ", expected " + blob.digest());
        }
    }

    /** The {@code Location} of a 202 upload response; relative locations are resolved against the endpoint. */
    private static URI uploadLocation(Endpoint ep, HttpResponse<InputStream> response, String subject) {
        if (response.statusCode() != 202) {
            throw Failures.forStatus(subject, ep, response);
        }
        String location = response.headers().firstValue("Location").orElse("");
        Responses.discard(response);
        if (location.isEmpty()) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION,
                    subject + ": registry " + ep.host() + " started an upload without a Location");
        }
        return RegistryHttp.resolve(ep, ep.base(), location);
    }

    private static HttpRequest.BodyPublisher ofFile(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new KilnException(ErrorKind.NOT_FOUND, "content " + file.getFileName() + " disappeared during a push");
        }
    }

    private static InputStream slice(Path file, long offset, long length) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(offset);
            return new BoundedInputStream(in, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Exposes the first {@code limit} bytes of a stream. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            left -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }
    }
}
