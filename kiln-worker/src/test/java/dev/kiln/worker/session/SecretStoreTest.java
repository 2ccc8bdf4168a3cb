package dev.kiln.worker.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoreTest {
    @TempDir
    Path dir;

    @Test
    void load_readsFilesAndVariables_laterIdWins() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "from-file");
        SecretStore store = SecretStore.load(List.of(
                SecretSpec.parse("id=a,src=" + f, Map.of()),
                SecretSpec.parse("id=b,env=B", Map.of()),
                SecretSpec.parse("id=c,env=UNSET", Map.of()),
                SecretSpec.parse("id=b,env=B2", Map.of())), Map.of("B", "first", "B2", "second"));

        assertThat(store.ids()).containsExactly("a", "b", "c");
        assertThat(text(store, "a")).isEqualTo("from-file");
        assertThat(text(store, "b")).isEqualTo("second");
        assertThat(text(store, "c")).isEmpty();
    }

    @Test
    void load_fileThatVanishedSinceParsing_namesIt() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "x");
        SecretSpec spec = SecretSpec.parse("id=a,src=" + f, Map.of());
        Files.delete(f);
        assertThatThrownBy(() -> SecretStore.load(List.of(spec), Map.of()))
                .isInstanceOf(KilnException.class)
                .hasMessageStartingWith("secret a: failed to read " + f);
    }

    @Test
    void get_returnsACopy_requireNamesMissingIdLikeBuildKit() {
        SecretStore store = SecretStore.of(Map.of("a", "v".getBytes(StandardCharsets.UTF_8)));
        store.get("a").orElseThrow()[0] = 'X';

        assertThat(text(store, "a")).isEqualTo("v");
        assertThat(store.get("nope")).isEmpty();
        assertThatThrownBy(() -> store.require("mysecret"))
                .isInstanceOf(KilnException.class)
                .hasMessage("secret mysecret: not found")
                .extracting(e -> ((KilnException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    private static String text(SecretStore store, String id) {
        return new String(store.get(id).orElseThrow(), StandardCharsets.UTF_8);
    }
}
