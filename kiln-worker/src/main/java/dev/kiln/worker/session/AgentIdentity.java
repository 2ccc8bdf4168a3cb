package dev.kiln.worker.session;

/** One key an agent offers: its public key blob and comment, as carried in SSH_AGENT_IDENTITIES_ANSWER. */
record AgentIdentity(byte[] keyBlob, byte[] comment) {
    AgentIdentity {
        keyBlob = keyBlob.clone();
        comment = comment.clone();
    }
}
