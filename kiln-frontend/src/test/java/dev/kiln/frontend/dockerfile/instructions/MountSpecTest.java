package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code RUN --mount} parsing, defaults and validation (BuildKit's parseMount). */
class MountSpecTest {
    private static MountSpec parse(String raw) {
        return MountSpec.parse(raw, WordExpander.LITERAL);
    }

    @Test
    void cacheMountWithAllOptions() {
        MountSpec m = parse("type=cache,target=/root/.cache,sharing=locked,id=pip,mode=0700,uid=1000,gid=10,from=base,source=/c");

        assertThat(m).isEqualTo(new MountSpec(MountType.CACHE, "base", "/c", "/root/.cache", false, 0, "pip",
                Optional.of(CacheSharing.LOCKED), false, Optional.empty(), OptionalLong.of(0700), OptionalLong.of(1000),
                OptionalLong.of(10)));
    }

    @Test
    void defaultsFollowTheMountType() {
        assertThat(parse("target=/src").type()).isEqualTo(MountType.BIND);
        assertThat(parse("target=/src").readOnly()).isTrue();
        assertThat(parse("type=bind,src=.,dst=/src,rw").readOnly()).isFalse();
        assertThat(parse("type=cache,target=/x").readOnly()).isFalse();
        assertThat(parse("type=cache,target=/x").effectiveCacheId()).isEqualTo("/x");
        assertThat(parse("type=cache,target=/x").fileMode()).isEqualTo(0755);
        assertThat(parse("type=cache,target=/x,ro").readOnly()).isTrue();
        assertThat(parse("type=tmpfs,target=/tmp,size=64m").sizeLimit()).isEqualTo(64L << 20);
        assertThat(parse("type=tmpfs,target=/tmp,size=1.5GiB").sizeLimit()).isEqualTo(3L << 29);
        assertThat(parse("type=tmpfs,destination=/tmp").readOnly()).isFalse();
    }

    @Test
    void secretDefaults() {
        MountSpec byId = parse("type=secret,id=npmrc");
        MountSpec byTarget = parse("type=secret,target=/run/x/key,required");
        MountSpec asEnv = parse("type=secret,id=tok,env=TOKEN");

        assertThat(byId.secretTarget()).hasValue("/run/secrets/npmrc");
        assertThat(byId.fileMode()).isEqualTo(0400);
        assertThat(byId.readOnly()).isTrue();
        assertThat(byTarget.secretId()).isEqualTo("key");
        assertThat(byTarget.required()).isTrue();
        assertThat(asEnv.secretTarget()).isEmpty();
        assertThat(asEnv.env()).hasValue("TOKEN");
        assertThat(parse("type=secret,source=s,target=/t").secretId()).isEqualTo("s");
    }

    @Test
    void sshDefaults() {
        MountSpec ssh = parse("type=ssh");

        assertThat(ssh.sshId()).isEqualTo("default");
        assertThat(ssh.fileMode()).isEqualTo(0600);
        assertThat(parse("type=ssh,id=github,required=true").sshId()).isEqualTo("github");
    }

    @Test
    void valuesAreExpandedOneByOne() {
        MountSpec m = MountSpec.parse("type=$T,target=$DIR", word -> word.replace("$T", "cache").replace("$DIR", "/d"));

        assertThat(m.type()).isEqualTo(MountType.CACHE);
        assertThat(m.target()).isEqualTo("/d");
    }

    static Stream<Arguments> invalidMounts() {
        return Stream.of(
                Arguments.of("type=foo", "unsupported mount type \"foo\""),
                Arguments.of("type=bnd", "unsupported mount type \"bnd\" (did you mean bind?)"),
                Arguments.of("size=1g", "unexpected key 'size' for mount type 'bind'"),
                Arguments.of("type=tmpfs,size=lots", "invalid value for size: lots"),
                Arguments.of("required", "unexpected key 'required' for mount type 'bind'"),
                Arguments.of("type=bind,mode=0755", "mode not allowed for \"bind\" type mounts"),
                Arguments.of("type=tmpfs,uid=1", "uid not allowed for \"tmpfs\" type mounts"),
                Arguments.of("type=secret,from=x,id=a", "secret mount should not have a from"),
                Arguments.of("type=secret,id=a,sharing=shared", "secret mount should not define sharing"),
                Arguments.of("type=secret", "invalid secret mount. one of source, target required"),
                Arguments.of("type=secret,source=a,id=b", "both source and id can't be set"),
                Arguments.of("type=bind,sharing=shared", "invalid cache sharing set for bind mount"),
                Arguments.of("type=cache,sharing=foo", "unsupported sharing value \"foo\""),
                Arguments.of("type=cache,uid=x", "invalid value x for uid"),
                Arguments.of("type=cache,mode=9", "invalid value 9 for mode"),
                Arguments.of("readonly=maybe", "invalid value for readonly: maybe"),
                Arguments.of("bogus=1", "unexpected key 'bogus' in 'bogus=1'"),
                Arguments.of("foo=bar", "unexpected key 'foo' in 'foo=bar' (did you mean from?)"),
                Arguments.of("targt=/x", "unexpected key 'targt' in 'targt=/x' (did you mean target?)"),
                Arguments.of("target", "invalid field 'target' must be a key=value pair"),
                Arguments.of("target=\"/a", "failed to parse csv mounts: parse error on line 1, column 8: "
                        + "bare \" in non-quoted-field"),
                Arguments.of("\"target=/a", "failed to parse csv mounts: parse error on line 1, column 2: "
                        + "extraneous or missing \" in quoted-field"),
                Arguments.of("", "failed to parse csv mounts: EOF"));
    }

    @ParameterizedTest
    @MethodSource("invalidMounts")
    void invalidMountsFailWithBuildkitMessages(String raw, String message) {
        assertThatThrownBy(() -> parse(raw)).isInstanceOf(KilnException.class).hasMessage(message);
    }

    @Test
    void quotedCsvFieldsMayHoldCommas() {
        assertThat(parse("type=bind,\"source=a,b\",target=/x").source()).isEqualTo("a,b");
    }

    @Test
    void runChecksOnlyWhatCanBeCheckedBeforeExpansion() {
        RunInstruction run = (RunInstruction) Dockerfiles.first("RUN --mount=type=$T,target=/x --mount=from=a$,dst=/y x");

        assertThat(run.mounts()).containsExactly("type=$T,target=/x", "from=a$,dst=/y");
        assertThatThrownBy(() -> Dockerfiles.first("RUN --mount=from=$STAGE,target=/a x"))
                .hasMessage("'from' doesn't support variable expansion, define alias stage instead");
        assertThatThrownBy(() -> Dockerfiles.first("RUN --mount=target=\\\"x echo"))
                .hasMessageStartingWith("failed to parse csv mounts:");
        assertThat(run.mountSpecs(word -> word.replace("$T", "tmpfs"))).extracting(MountSpec::type)
                .containsExactly(MountType.TMPFS, MountType.BIND);
    }
}
