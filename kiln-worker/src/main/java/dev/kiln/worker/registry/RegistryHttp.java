package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one place registry requests are sent (jib's RegistryEndpointCaller in spirit): adds authorization and
 * answers 401 challenges once, follows redirects of GET/HEAD without leaking credentials to other hosts, falls back
 * from HTTPS to HTTP where the endpoint allows it, and turns I/O failures into {@link KilnException}s. Statuses
 * other than 401 are returned to the caller, who knows what they mean for its endpoint.
 */
final class RegistryHttp {
    private static final int MAX_REDIRECTS = 5;

    private final Transports transports;
    private final Authorizer authorizer;
    private final Duration silenceTimeout;
    private final StallGuard stallGuard;
    /** Hosts found to speak plain HTTP after an HTTPS attempt (BuildKit's httpFallback remembers this too). */
    private final Set<String> fellBackToHttp = ConcurrentHashMap.newKeySet();

    RegistryHttp(Transports transports, Authorizer authorizer, Duration silenceTimeout) {
        this.transports = transports;
        this.authorizer = authorizer;
        this.silenceTimeout = silenceTimeout;
        this.stallGuard = new StallGuard(silenceTimeout);
    }

    /**
     * A request to send: {@code uri} is absolute (built from the endpoint, or an upload location the registry
     * returned); {@code body} is a supplier so the request can be replayed after a challenge or a fallback.
     */
    record Call(String method, URI uri, Map<String, String> headers, Supplier<HttpRequest.BodyPublisher> body,
                Set<String> scopes, String subject) {
        static Call get(URI uri, Set<String> scopes, String subject, Map<String, String> headers) {
            return new Call("GET", uri, headers, HttpRequest.BodyPublishers::noBody, scopes, subject);
        }
    }

    HttpResponse<InputStream> send(Endpoint ep, Call call) {
        boolean challenged = false;
        while (true) {
            Optional<String> auth = authorizer.authorization(ep, call.scopes());
            HttpResponse<InputStream> response = followRedirects(ep, call, auth.orElse(null));
            if (response.statusCode() != 401) {
                return response;
            }
            List<AuthChallenge> offered = AuthChallenge.parse(response.headers().allValues("WWW-Authenticate"));
            if (challenged || !authorizer.challenged(ep, call.scopes(), offered)
                    || authorizer.authorization(ep, call.scopes()).isEmpty()) {
                throw authFailure(ep, call, response, auth.isPresent());
            }
            Responses.discard(response);
            challenged = true;
        }
    }

    private KilnException authFailure(Endpoint ep, Call call, HttpResponse<InputStream> response, boolean hadAuth) {
        String said = Responses.errorMessage(response);
        String hint = hadAuth || authorizer.credentialsFor(ep.host()).isPresent()
                ? "" : " (no credentials for " + ep.host() + " in the docker config)";
        return new KilnException(ErrorKind.PERMISSION_DENIED, "registry " + ep.host() + " denied access to "
                + call.subject() + ": " + Responses.status(401) + (said.isEmpty() ? "" : ": " + said) + hint);
    }

    private HttpResponse<InputStream> followRedirects(Endpoint ep, Call call, String authorization) {
        URI uri = call.uri();
        boolean redirectable = call.method().equals("GET") || call.method().equals("HEAD");
        for (int hop = 0; ; hop++) {
            boolean sameOrigin = uri.getRawAuthority().equals(ep.host());
            HttpResponse<InputStream> response = sendOnce(ep, call, uri, sameOrigin ? authorization : null);
            Optional<String> location = response.headers().firstValue("Location");
            if (!redirectable || !isRedirect(response.statusCode()) || location.isEmpty()) {
                return response;
            }
            Responses.discard(response);
            if (hop >= MAX_REDIRECTS) {
                throw new KilnException(ErrorKind.FAILED_PRECONDITION,
                        call.subject() + ": registry " + ep.host() + " redirected more than " + MAX_REDIRECTS + " times");
            }
            uri = resolve(ep, uri, location.get());
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static URI resolve(Endpoint ep, URI base, String location) {
        try {
            URI target = base.resolve(location);
            if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme()) || target.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return target;
        } catch (IllegalArgumentException e) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, "registry " + ep.host()
                    + " sent an unusable location \"" + Responses.printable(location) + "\"");
        }
    }

    private HttpResponse<InputStream> sendOnce(Endpoint ep, Call call, URI uri, String authorization) {
        boolean registryItself = ep.host().equals(uri.getRawAuthority()); // not a storage host it redirected to
        URI target = registryItself && fellBackToHttp.contains(ep.host()) ? withScheme(uri, "http") : uri;
        try {
            return transports.client(ep.tls()).send(request(call, target, authorization),
                    info -> HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), stallGuard::watch));
        } catch (IOException e) {
            if (registryItself && shouldFallBack(ep, target, e)) {
                fellBackToHttp.add(ep.host());
                return sendOnce(ep, call, uri, authorization);
            }
            throw Failures.forIo(ep, call.method(), target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KilnException(ErrorKind.CANCELED, "interrupted while talking to registry " + ep.host());
        }
    }

    /**
     * BuildKit's rule: only for endpoints that allow it, when the server answered the TLS hello with something
     * that is not TLS, or refused the connection on the default HTTPS port (no port given).
     */
    private static boolean shouldFallBack(Endpoint ep, URI target, IOException e) {
        if (!ep.httpFallback() || !"https".equals(target.getScheme())) {
            return false;
        }
        return e instanceof SSLException && !(e instanceof javax.net.ssl.SSLHandshakeException)
                || e instanceof ConnectException && target.getPort() < 0;
    }

    private HttpRequest request(Call call, URI uri, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(call.method(), call.body().get());
        if (call.method().equals("GET") || call.method().equals("HEAD")) {
            // Uploads are left alone: their response comes only after the whole body was sent.
            b.timeout(silenceTimeout);
        }
        call.headers().forEach(b::header);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    private static URI withScheme(URI uri, String scheme) {
        return URI.create(scheme + uri.toString().substring(uri.getScheme().length()));
    }
}
