package dev.kiln.frontend.dockerfile.convert;

import java.util.regex.Pattern;

/** The SecretsUsedInArgOrEnv check's idea of a secret-looking variable name. */
final class SecretNames {
    private static final Pattern DENY = Pattern.compile(
            "(?i)(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)");
    private static final Pattern ALLOW = Pattern.compile("(?i)(?:_|^)(?:public|file|version)(?:_|$)");

    private SecretNames() {
    }

    static boolean looksSecret(String name) {
        return DENY.matcher(name).find() && !ALLOW.matcher(name).find();
    }
}
