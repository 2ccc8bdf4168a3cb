package dev.kiln.worker.registry;

import java.util.Optional;

/** Finds the login for a registry host ({@code registry-1.docker.io}, {@code 127.0.0.1:5001}). */
@FunctionalInterface
public interface CredentialProvider {
    Optional<Credentials> lookup(String host);

    static CredentialProvider anonymous() {
        return host -> Optional.empty();
    }
}
