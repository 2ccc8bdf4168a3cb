package dev.kiln.worker.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --secret} flags as buildx parses them and BuildKit's client store checks them. */
class SecretSpecTest {
    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void secretFile() throws Exception {
        file = Files.writeString(dir.resolve("tok.txt"), "s3cr3t\n");
    }

    @Test
    void parse_idAndSrcOrSource_isAFile() {
        assertThat(SecretSpec.parse("id=tok,src=" + file, Map.of()))
                .isEqualTo(new SecretSpec("tok", new SecretSource.File(file)));
        assertThat(SecretSpec.parse("id=tok,source=" + file, Map.of()))
                .isEqualTo(new SecretSpec("tok", new SecretSource.File(file)));
        assertThat(SecretSpec.parse("ID=tok,Type=file,SRC=" + file, Map.of()))
                .isEqualTo(new SecretSpec("tok", new SecretSource.File(file)));
    }

    @Test
    void parse_envForms() {
        assertThat(SecretSpec.parse("id=tok,env=TOKEN", Map.of()))
                .isEqualTo(new SecretSpec("tok", new SecretSource.Env("TOKEN")));
        assertThat(SecretSpec.parse("type=env,id=tok,src=TOKEN", Map.of()))
                .isEqualTo(new SecretSpec("tok", new SecretSource.Env("TOKEN")));
        assertThat(SecretSpec.parse("type=env,id=tok,env=A,src=" + file, Map.of()))
                .isEqualTo(new SecretSpec("tok", new SecretSource.Env("A")));
    }

    @Test
    void parse_idAlone_prefersTheEnvironmentVariableThenTheFile() {
        String id = file.toString();
        assertThat(SecretSpec.parse("id=" + id, Map.of(id, "x")))
                .isEqualTo(new SecretSpec(id, new SecretSource.Env(id)));
        assertThat(SecretSpec.parse("id=" + id, Map.of()))
                .isEqualTo(new SecretSpec(id, new SecretSource.File(file)));
        assertThatThrownBy(() -> SecretSpec.parse("id=GITHUB_TOKEN_UNSET_HERE", Map.of()))
                .hasMessage("failed to stat GITHUB_TOKEN_UNSET_HERE: no such file or directory");
    }

    @Test
    void parse_quotedCsvField_mayHoldCommas() throws Exception {
        Path odd = Files.writeString(dir.resolve("a,b \"q\""), "v");
        String flag = "id=x,\"src=" + odd.toString().replace("\"", "\"\"") + "\"";
        assertThat(SecretSpec.parse(flag, Map.of())).isEqualTo(new SecretSpec("x", new SecretSource.File(odd)));
    }

    @Test
    void parse_errors_areOneLineInvalidArgument() throws Exception {
        Path big = Files.write(dir.resolve("big"), new byte[500 * 1024 + 1]);
        Path missing = dir.resolve("missing.txt");
        Map<String, String> cases = Map.of(
                "id=a,src=" + missing, "failed to stat " + missing + ": no such file or directory",
                "id=big,src=" + big, "secret big too big. max size 500KB",
                "src=" + file, "secret missing ID",
                "id=a,type=ssh", "unsupported secret type \"ssh\"",
                "id=a,required", "invalid field 'required' must be a key=value pair",
                "id=a,target=/x", "unexpected key 'target' in 'target=/x'",
                "id=a,sr\"c=x", "failed to parse csv secret: parse error on line 1, column 8: bare \" in non-quoted-field",
                "\"id=a\"x", "failed to parse csv secret: parse error on line 1, column 6: extraneous or missing \" in quoted-field",
                "", "secret missing ID");
        cases.forEach((flag, message) -> assertThatThrownBy(() -> SecretSpec.parse(flag, Map.of()))
                .as(flag)
                .isInstanceOf(KilnException.class)
                .hasMessage(message)
                .extracting(e -> ((KilnException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    }
}
