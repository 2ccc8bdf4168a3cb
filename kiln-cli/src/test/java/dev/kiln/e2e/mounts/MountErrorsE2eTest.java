package dev.kiln.e2e.mounts;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static dev.kiln.e2e.mounts.Kiln.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes in RUN mounts and in the flags that feed them: each is one {@code ERROR:} line, naming the
 * Dockerfile line where there is one, with no stack trace; and the secret hygiene check of real builds.
 */
class MountErrorsE2eTest extends MountsE2eBase {

    private static Kiln.Run failingBuild(String name, String run, String... flags) {
        Path ctx = Kiln.context(dir.resolve(name), Map.of("Dockerfile", """
                FROM %s AS builder
                RUN true
                %s
                """.formatted(BUSYBOX, run)));
        Kiln.Run r = kiln.build(ctx, flags).failed();
        assertThat(r.err()).doesNotContain("\tat ", "Exception");
        return r;
    }

    @Test
    void unknownMountType() {
        assertThat(failingBuild("type", "RUN --mount=type=volume,target=/v true").errorLine())
                .isEqualTo("ERROR: Dockerfile:3: unsupported mount type \"volume\"");
    }

    @Test
    void unknownMountOption() {
        assertThat(failingBuild("option", "RUN --mount=type=cache,target=/c,sharinq=locked true").errorLine())
                .isEqualTo("ERROR: Dockerfile:3: unexpected key 'sharinq' in 'sharinq=locked' (did you mean sharing?)");
    }

    @Test
    void cacheFromAnUnknownStage_isTakenAsAnImage_andItsFailureNamesTheLine() {
        String line = failingBuild("from", "RUN --mount=type=cache,target=/c,from=buidler true").errorLine();

        assertThat(line).startsWith("ERROR: Dockerfile:3: buidler: ").endsWith("(did you mean builder?)");
    }

    @Test
    void secretFlag_pointingToAMissingFile() {
        Path missing = dir.resolve("no-such-secret");

        Kiln.Run r = failingBuild("secret", "RUN --mount=type=secret,id=tok cat /run/secrets/tok",
                "--secret", "id=tok,src=" + missing);

        assertThat(r.errorLine()).isEqualTo("ERROR: --secret id=tok,src=" + missing + ": failed to stat " + missing
                + ": no such file or directory");
    }

    @Test
    void sshFlag_pointingToAMissingKey() {
        Path missing = dir.resolve("no-such-key");

        Kiln.Run r = failingBuild("ssh", "RUN --mount=type=ssh true", "--ssh", "default=" + missing);

        assertThat(r.errorLine()).isEqualTo("ERROR: ssh default: stat " + missing + ": no such file or directory");
    }

    @Test
    void secretsUsedInArgOrEnv_warnsInARealBuild() {
        Path ctx = Kiln.context(dir.resolve("lint"), Map.of("Dockerfile", """
                FROM %s
                ARG GITHUB_TOKEN
                ENV AWS_SECRET_ACCESS_KEY=placeholder
                RUN --mount=type=secret,id=tok,required=false true
                """.formatted(BUSYBOX)));

        Kiln.Run r = kiln.build(ctx).ok();

        assertThat(r.err()).contains(
                "SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ARG \"GITHUB_TOKEN\") (line 2)",
                "SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ENV \"AWS_SECRET_ACCESS_KEY\") (line 3)");
    }
}
