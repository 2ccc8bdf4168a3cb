package dev.kiln.worker.registry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authentication state for all registries a client talks to. A host starts anonymous; its first 401 tells how it
 * wants to be authenticated (Bearer preferred over Basic), and from then on every request to it carries an
 * {@code Authorization} header up front: Basic with the host's credentials, or a Bearer token obtained from the
 * challenge's realm for the request's scopes and cached per host and scope set until it expires.
 */
final class Authorizer {
    private final CredentialProvider credentialProvider;
    private final TokenClient tokenClient;
    private final Map<String, AuthChallenge> challenges = new ConcurrentHashMap<>();
    private final Map<String, Optional<Credentials>> credentials = new ConcurrentHashMap<>();
    private final Map<String, TokenClient.Token> tokens = new ConcurrentHashMap<>();

    Authorizer(CredentialProvider credentialProvider, TokenClient tokenClient) {
        this.credentialProvider = credentialProvider;
        this.tokenClient = tokenClient;
    }

    static String pullScope(String repository) {
        return "repository:" + repository + ":pull";
    }

    static String pushScope(String repository) {
        return "repository:" + repository + ":pull,push";
    }

    /** The header to send to {@code ep} for {@code scopes}, if the host is known to want one. */
    Optional<String> authorization(Endpoint ep, Set<String> scopes) {
        AuthChallenge challenge = challenges.get(ep.host());
        if (challenge == null) {
            return Optional.empty();
        }
        return switch (challenge.scheme()) {
            case "basic" -> credentialsFor(ep.host())
                    .filter(c -> !c.isIdentityToken())
                    .map(c -> "Basic " + basic(c));
            case "bearer" -> Optional.of("Bearer " + token(ep, challenge, scopes));
            default -> Optional.empty();
        };
    }

    /**
     * Records the challenges of a 401 and forgets the token that was refused. Returns false when the host asks
     * for no scheme we speak.
     */
    boolean challenged(Endpoint ep, Set<String> scopes, List<AuthChallenge> offered) {
        Optional<AuthChallenge> usable = offered.stream().filter(c -> c.scheme().equals("bearer")).findFirst()
                .or(() -> offered.stream().filter(c -> c.scheme().equals("basic")).findFirst());
        if (usable.isEmpty()) {
            return false;
        }
        challenges.put(ep.host(), usable.get());
        tokens.remove(tokenKey(ep, usable.get(), scopes));
        return true;
    }

    Optional<Credentials> credentialsFor(String host) {
        return credentials.computeIfAbsent(host, credentialProvider::lookup);
    }

    private String token(Endpoint ep, AuthChallenge challenge, Set<String> scopes) {
        String key = tokenKey(ep, challenge, scopes);
        TokenClient.Token cached = tokens.get(key);
        if (cached != null && cached.expires().isAfter(Instant.now())) {
            return cached.value();
        }
        TokenClient.Token fresh = tokenClient.fetch(ep, challenge, allScopes(challenge, scopes),
                credentialsFor(ep.host()));
        tokens.put(key, fresh);
        return fresh.value();
    }

    /** The request's scopes plus whatever scope the registry named in its challenge. */
    private static Set<String> allScopes(AuthChallenge challenge, Set<String> scopes) {
        Set<String> all = new TreeSet<>(scopes);
        for (String s : challenge.param("scope").split(" ")) {
            if (!s.isBlank()) {
                all.add(s);
            }
        }
        return all;
    }

    private static String tokenKey(Endpoint ep, AuthChallenge challenge, Set<String> scopes) {
        return ep.host() + " " + challenge.param("realm") + " " + new TreeSet<>(scopes);
    }

    static String basic(Credentials c) {
        return Base64.getEncoder().encodeToString((c.username() + ":" + c.secret()).getBytes(StandardCharsets.UTF_8));
    }
}
