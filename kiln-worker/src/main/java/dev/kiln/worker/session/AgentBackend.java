package dev.kiln.worker.session;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What answers the two requests a build container may make of its agent: list keys and sign. One backend serves
 * one client connection; everything else the protocol offers (adding, removing, locking keys, extensions) is
 * refused before it reaches a backend, as BuildKit's read-only agent does.
 */
interface AgentBackend extends Closeable {
    List<AgentIdentity> identities() throws IOException;

    /** The signature blob, or empty when the agent declines (unknown key, unsupported flags). */
    Optional<byte[]> sign(byte[] keyBlob, byte[] data, int flags) throws IOException;
}
