package dev.kiln.worker.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

/** Serves keys Kiln read from files; signing happens in this process, the key material never leaves it. */
final class KeyringBackend implements AgentBackend {
    private final List<SshPrivateKey> keys;

    KeyringBackend(List<SshPrivateKey> keys) {
        this.keys = List.copyOf(keys);
    }

    @Override
    public List<AgentIdentity> identities() {
        return keys.stream()
                .map(k -> new AgentIdentity(k.publicBlob(), k.comment().getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    @Override
    public Optional<byte[]> sign(byte[] keyBlob, byte[] data, int flags) {
        for (SshPrivateKey k : keys) {
            if (k.matches(keyBlob)) {
                try {
                    return Optional.of(k.sign(data, flags));
                } catch (GeneralSecurityException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
    }
}
