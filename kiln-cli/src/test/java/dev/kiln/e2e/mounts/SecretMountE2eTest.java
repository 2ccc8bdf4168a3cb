package dev.kiln.e2e.mounts;

import dev.kiln.core.Digest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.kiln.e2e.mounts.Kiln.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code RUN --mount=type=secret} and {@code kiln build --secret} through real builds. Steps prove they saw
 * the right value by printing its sha256, never the value (which the output masking would hide anyway).
 */
class SecretMountE2eTest extends MountsE2eBase {
    private static final String VALUE = "s3cr3t-token-for-kiln-e2e";

    static Path secretFile;

    @BeforeAll
    static void setUp() throws IOException {
        secretFile = Files.writeString(dir.resolve("token.txt"), VALUE);
    }

    private static Path context(String name, String dockerfile) {
        return Kiln.context(dir.resolve(name), Map.of("Dockerfile", dockerfile));
    }

    private static String sha(String value) {
        return Digest.sha256(value.getBytes(StandardCharsets.UTF_8)).hex();
    }

    @Test
    void fileSecret_atTheDefaultTarget_readOnlyForRoot_andAbsentFromTheImage() {
        Path ctx = context("default", """
                FROM %s
                RUN --mount=type=secret,id=tok stat -c 'perm %%a %%u %%g' /run/secrets/tok && sha256sum /run/secrets/tok
                """.formatted(BUSYBOX));
        Path out = dir.resolve("default.tar");

        Kiln.Run r = kiln.build(ctx, "--secret", "id=tok,src=" + secretFile, "-o", "type=tar,dest=" + out).ok();

        assertThat(r.stepOutput()).contains("perm 400 0 0").anyMatch(l -> l.startsWith(sha(VALUE)));
        assertThat(Tar.entries(out)).contains("bin/sh").noneMatch(e -> e.startsWith("run"));
    }

    @Test
    void targetModeUidGid_placeAndOwnTheFile() {
        Path ctx = context("custom", """
                FROM %s
                RUN --mount=type=secret,id=tok,target=/etc/app/token,mode=0440,uid=1000,gid=1001 \\
                    stat -c 'perm %%a %%u %%g' /etc/app/token && sha256sum /etc/app/token
                """.formatted(BUSYBOX));

        Kiln.Run r = kiln.build(ctx, "--secret", "id=tok,src=" + secretFile).ok();

        assertThat(r.stepOutput()).contains("perm 440 1000 1001").anyMatch(l -> l.startsWith(sha(VALUE)));
    }

    @Test
    void env_exposesTheValueAsAVariable_withoutAFile() {
        Path ctx = context("env", """
                FROM %s
                RUN --mount=type=secret,id=tok,env=API_TOKEN printf %%s "$API_TOKEN" | sha256sum; ls /run/secrets 2>&1 || true
                """.formatted(BUSYBOX));

        Kiln.Run r = kiln.build(ctx, "--secret", "id=tok,src=" + secretFile).ok();

        assertThat(r.stepOutput()).anyMatch(l -> l.startsWith(sha(VALUE)))
                .anyMatch(l -> l.contains("/run/secrets: No such file or directory"));
        assertThat(r.err()).contains("RUN --mount=type=secret,id=tok,env=API_TOKEN");
    }

    @Test
    void stepOutput_masksTheValue_evenWhenPrintedInPieces() {
        Path ctx = context("mask", """
                FROM %s
                RUN --mount=type=secret,id=tok cat /run/secrets/tok; echo; head -c 6 /run/secrets/tok; sleep 0.3; tail -c +7 /run/secrets/tok; echo
                """.formatted(BUSYBOX));

        Kiln.Run r = kiln.build(ctx, "--secret", "id=tok,src=" + secretFile).ok();

        assertThat(r.err()).doesNotContain(VALUE).doesNotContain(VALUE.substring(0, 6));
        assertThat(r.stepOutput()).containsSubsequence("***", "***");
    }

    @Test
    void missingRequiredSecret_failsNamingTheIdAndTheLine_missingOptionalIsAbsent() {
        Path required = context("required", """
                FROM %s
                RUN true
                RUN --mount=type=secret,id=nope,required=true cat /run/secrets/nope
                """.formatted(BUSYBOX));
        Path optional = context("optional", """
                FROM %s
                RUN --mount=type=secret,id=nope test ! -e /run/secrets/nope && echo target-absent
                """.formatted(BUSYBOX));

        assertThat(kiln.build(required).failed().errorLine()).isEqualTo("ERROR: Dockerfile:3: secret nope: not found");
        assertThat(kiln.build(optional).ok().stepOutput()).contains("target-absent");
    }

    @Test
    void secretValue_isNotPartOfTheCacheKey() throws IOException {
        Path ctx = context("key", """
                FROM %s
                RUN --mount=type=secret,id=tok echo step-ran
                """.formatted(BUSYBOX));
        Path other = Files.writeString(dir.resolve("other.txt"), "a-completely-different-value");

        assertThat(kiln.build(ctx, "--secret", "id=tok,src=" + secretFile).ok().stepOutput()).contains("step-ran");
        Kiln.Run again = kiln.build(ctx, "--secret", "id=tok,src=" + other).ok();

        assertThat(again.stepOutput()).doesNotContain("step-ran");
    }

    @Test
    void secretFlag_buildxForms_envVarFileOfTheIdsNameAndTypeEnv() throws IOException {
        Path work = Files.createDirectories(dir.resolve("forms"));
        Files.writeString(work.resolve("byname"), "from-the-file-named-by-id");
        Path ctx = context("forms-ctx", """
                FROM %s
                RUN --mount=type=secret,id=FROMENV,env=A --mount=type=secret,id=byname,env=B \\
                    --mount=type=secret,id=typed,env=C --mount=type=secret,id=explicit,env=D \\
                    printf '%%s|%%s|%%s|%%s' "$A" "$B" "$C" "$D" | sha256sum
                """.formatted(BUSYBOX));
        Map<String, String> env = Map.of("FROMENV", "from-env", "OTHER_VAR", "from-type-env", "D_VAR", "from-env-key");

        Kiln.Run r = kiln.start(dir.resolve("forms-logs"), work, env, ctx, "--secret", "id=FROMENV",
                "--secret", "id=byname", "--secret", "type=env,id=typed,src=OTHER_VAR", "--secret", "id=explicit,env=D_VAR")
                .await().ok();

        assertThat(r.stepOutput()).anyMatch(l -> l.startsWith(
                sha("from-env|from-the-file-named-by-id|from-type-env|from-env-key")));
    }
}
