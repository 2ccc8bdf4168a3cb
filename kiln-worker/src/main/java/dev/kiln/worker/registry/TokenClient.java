package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonException;
import dev.kiln.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Distribution token flow: {@code GET <realm>?service=…&scope=…} (Basic-authenticated when there are
 * credentials), or, for an identity token, the OAuth2 {@code POST <realm>} with {@code grant_type=refresh_token}.
 */
final class TokenClient {
    private static final int MAX_TOKEN_RESPONSE = 1 << 20;
    private static final long MIN_LIFETIME_SECONDS = 60;

    private final Transports transports;
    private final Duration silenceTimeout;
    private final StallGuard stallGuard;

    TokenClient(Transports transports, Duration silenceTimeout) {
        this.transports = transports;
        this.silenceTimeout = silenceTimeout;
        this.stallGuard = new StallGuard(silenceTimeout);
    }

    record Token(String value, Instant expires) {
    }

    Token fetch(Endpoint ep, AuthChallenge challenge, Set<String> scopes, Optional<Credentials> credentials) {
        URI realm = realm(ep, challenge);
        String service = challenge.param("service");
        HttpRequest request = credentials.filter(Credentials::isIdentityToken)
                .map(c -> refreshTokenRequest(realm, service, scopes, c))
                .orElseGet(() -> getRequest(realm, service, scopes, credentials));
        HttpResponse<InputStream> response;
        try {
            response = transports.client(ep.tls()).send(request, info -> HttpResponse.BodySubscribers.mapping(
                    HttpResponse.BodySubscribers.ofInputStream(), stallGuard::watch));
        } catch (IOException e) {
            throw Failures.forIo(ep, request.method(), realm, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KilnException(ErrorKind.CANCELED, "interrupted while fetching a registry token");
        }
        if (response.statusCode() != 200) {
            String said = Responses.errorMessage(response);
            throw new KilnException(ErrorKind.PERMISSION_DENIED, "registry " + ep.host() + ": token request to "
                    + realm + " failed: " + Responses.status(response.statusCode()) + (said.isEmpty() ? "" : ": " + said));
        }
        return parse(ep, Responses.readBounded(response, MAX_TOKEN_RESPONSE, "token response from " + realm));
    }

    private static URI realm(Endpoint ep, AuthChallenge challenge) {
        try {
            URI realm = URI.create(challenge.param("realm"));
            if (("https".equals(realm.getScheme()) || "http".equals(realm.getScheme())) && realm.getHost() != null) {
                return realm;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new KilnException(ErrorKind.PERMISSION_DENIED, "registry " + ep.host()
                + " asked for a bearer token with an unusable realm \"" + Responses.printable(challenge.param("realm")) + "\"");
    }

    private HttpRequest getRequest(URI realm, String service, Set<String> scopes, Optional<Credentials> creds) {
        List<String> query = new ArrayList<>();
        if (!service.isEmpty()) {
            query.add("service=" + encode(service));
        }
        scopes.forEach(s -> query.add("scope=" + encode(s)));
        String sep = realm.getRawQuery() == null ? "?" : "&";
        URI uri = URI.create(realm + (query.isEmpty() ? "" : sep + String.join("&", query)));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(silenceTimeout).GET();
        creds.ifPresent(c -> b.header("Authorization", "Basic " + Authorizer.basic(c)));
        return b.build();
    }

    private HttpRequest refreshTokenRequest(URI realm, String service, Set<String> scopes, Credentials c) {
        String form = "grant_type=refresh_token&client_id=kiln&refresh_token=" + encode(c.secret())
                + "&service=" + encode(service) + "&scope=" + encode(String.join(" ", scopes));
        return HttpRequest.newBuilder(realm).timeout(silenceTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private static Token parse(Endpoint ep, byte[] body) {
        String token;
        long expiresIn;
        try {
            JsonObject json = Json.read(body).asObject();
            token = json.getString("token", "");
            if (token.isEmpty()) {
                token = json.getString("access_token", "");
            }
            expiresIn = json.getLong("expires_in");
        } catch (JsonException e) {
            throw new KilnException(ErrorKind.PERMISSION_DENIED,
                    "registry " + ep.host() + ": malformed token response: " + e.getMessage());
        }
        if (token.isEmpty()) {
            throw new KilnException(ErrorKind.PERMISSION_DENIED, "registry " + ep.host() + ": the token server answered without a token");
        }
        long lifetime = Math.max(MIN_LIFETIME_SECONDS, expiresIn);
        // Renew a little early so a token does not expire between our check and the registry's.
        return new Token(token, Instant.now().plusSeconds(lifetime - 10));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
