package dev.kiln.exporter;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputSpecTest {

    @Test
    void parse_csvFields_splitsTypeDestAndAttributes() {
        OutputSpec spec = OutputSpec.parse("type=oci,dest=out.tar,compression=zstd,compression-level=9");

        assertThat(spec.type()).isEqualTo("oci");
        assertThat(spec.dest()).contains("out.tar");
        assertThat(spec.attrs()).containsExactlyInAnyOrderEntriesOf(
                Map.of("compression", "zstd", "compression-level", "9"));
    }

    @Test
    void parse_quotedField_keepsCommasAndDoubledQuotes() {
        OutputSpec spec = OutputSpec.parse("type=image,\"name=a/b:1,c/d:2\",\"annotation.title=say \"\"hi\"\"\"");

        assertThat(spec.attrs()).containsEntry("name", "a/b:1,c/d:2").containsEntry("annotation.title", "say \"hi\"");
    }

    @Test
    void parse_keys_areCaseInsensitiveAndTrimmed_valuesAreKept() {
        OutputSpec spec = OutputSpec.parse("TYPE=local, Dest= spaced dir ");

        assertThat(spec.type()).isEqualTo("local");
        assertThat(spec.dest()).contains(" spaced dir ");
    }

    @Test
    void parse_barePath_isLocalExport() {
        assertThat(OutputSpec.parse("out/dir")).isEqualTo(new OutputSpec("local", Optional.of("out/dir"), Map.of()));
    }

    @Test
    void parse_singleFieldWithoutType_isAPathLikeInBuildx() {
        assertThat(OutputSpec.parse("dest=out")).isEqualTo(new OutputSpec("local", Optional.of("dest=out"), Map.of()));
    }

    @Test
    void parse_dash_isTarOnStdout() {
        assertThat(OutputSpec.parse("-")).isEqualTo(new OutputSpec("tar", Optional.of("-"), Map.of()));
    }

    @Test
    void shorthands_matchBuildx() {
        assertThat(OutputSpec.load().type()).isEqualTo("docker");
        assertThat(OutputSpec.push().type()).isEqualTo("registry");
        assertThat(OutputSpec.push().withAttr("name", "x").attr("name")).contains("x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dest=out.tar,tar=false|invalid output \"dest=out.tar,tar=false\": type is required",
            "type=oci,out.tar|invalid output \"type=oci,out.tar\": field \"out.tar\" is not key=value",
            "type=oci,na\"me=x|invalid output \"type=oci,na\"me=x\": bare \" in non-quoted field",
            "type=oci,\"name=x|invalid output \"type=oci,\"name=x\": quoted field is not closed",
            "type=oci,\"name\"x|invalid output \"type=oci,\"name\"x\": extraneous \" in quoted field",
            "type=|invalid output \"type=\": type is required"})
    void parse_malformed_failsWithOneLine(String value, String message) {
        assertThatThrownBy(() -> OutputSpec.parse(value))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
                .hasMessage(message);
    }
}
