package dev.kiln.worker.registry;

/**
 * A login for one registry: a user name and password, or an identity (refresh) token when {@code username} is
 * {@code "<token>"}, the docker convention. {@code toString} never shows the secret.
 */
public record Credentials(String username, String secret) {
    static final String IDENTITY_TOKEN_USER = "<token>";

    public static Credentials identityToken(String token) {
        return new Credentials(IDENTITY_TOKEN_USER, token);
    }

    public boolean isIdentityToken() {
        return IDENTITY_TOKEN_USER.equals(username);
    }

    @Override
    public String toString() {
        return "Credentials[" + username + "]";
    }
}
