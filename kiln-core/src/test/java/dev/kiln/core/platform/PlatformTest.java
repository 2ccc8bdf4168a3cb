package dev.kiln.core.platform;

import dev.kiln.core.KilnException;
import dev.kiln.core.oci.Descriptor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Behaviour beyond the shared fixtures: messages, normalisation corners, Windows versions, CPU detection. */
class PlatformTest {

    @Test
    void errorsNameTheSpecifier() {
        assertThatThrownBy(() -> Platform.parse("linux/*"))
                .isInstanceOf(KilnException.class)
                .hasMessage("\"linux/*\": wildcards not yet supported: invalid argument");
        assertThatThrownBy(() -> Platform.parse("notanarch"))
                .hasMessage("\"notanarch\": unknown operating system or architecture: invalid argument");
        assertThatThrownBy(() -> Platform.parse("linux/arm/v7/x"))
                .hasMessage("\"linux/arm/v7/x\": cannot parse platform specifier: invalid argument");
        assertThatThrownBy(() -> Platform.parse("windows(10%zz)/amd64"))
                .hasMessage("\"windows(10%zz)/amd64\" has an invalid OS version \"10%zz\": invalid URL escape \"%zz\"");
        assertThatThrownBy(() -> Platform.parse("linux/&arm")).hasMessageStartingWith(
                "\"&arm\" is an invalid component of \"linux/&arm\": platform specifier component must match");
    }

    @Test
    void normalisationFollowsContainerd() {
        assertThat(Platform.parse("linux/arm64/v9.0").variant()).isEqualTo("v9");
        assertThat(Platform.parse("linux/arm64/8.0").variant()).isEqualTo("v8");
        assertThat(Platform.parse("linux/arm64/v8.0").normalize().format()).isEqualTo("linux/arm64");
        assertThat(Platform.parse("linux/arm/7").format()).isEqualTo("linux/arm/v7");
        assertThat(Platform.parse("linux/amd64/v1").format()).isEqualTo("linux/amd64");
        assertThat(Platform.parse("linux/i386/v2").format()).isEqualTo("linux/386");
        assertThat(Platform.parse("LINUX/AMD64").format()).isEqualTo("linux/amd64");
        assertThat(Platform.parse("windows(10%2E0)/amd64").osVersion()).isEqualTo("10.0");
        assertThat(Platform.of("linux", "arm", "").normalize()).isEqualTo(Platform.of("linux", "arm", "v7"));
        assertThat(new Platform("Linux", "x86_64", "", "", List.of("b", "a", "b")).normalize())
                .isEqualTo(new Platform("linux", "amd64", "", "", List.of("a", "b")));
        assertThat(new Platform("", "amd64", "", "", List.of()).format()).isEqualTo("unknown");
    }

    @Test
    void windowsVersionsFollowTheHostCompatibilityRule() {
        PlatformMatcher ltsc2019 = PlatformMatcher.onlyStrict(Platform.parse("windows(10.0.17763)/amd64"));
        assertThat(ltsc2019.matches(Platform.parse("windows(10.0.17763.1234)/amd64"))).isTrue();
        assertThat(ltsc2019.matches(Platform.parse("windows(10.0.20348)/amd64"))).isFalse();
        PlatformMatcher win11 = PlatformMatcher.onlyStrict(Platform.parse("windows(10.0.22621)/amd64"));
        assertThat(win11.matches(Platform.parse("windows(10.0.20348)/amd64"))).isTrue();
        assertThat(win11.matches(Platform.parse("windows(10.0.17763)/amd64"))).isFalse();
        assertThat(win11.matches(Platform.parse("windows(10.0.26100)/amd64"))).isFalse();
    }

    @Test
    void onlyPrefersTheExactPlatformThenWhatItCanRun() {
        PlatformMatcher arm64 = PlatformMatcher.only(Platform.parse("linux/arm64"));
        List<Platform> index = List.of(Platform.parse("linux/arm/v6"), Platform.parse("linux/amd64"),
                Platform.parse("linux/arm/v7"), Platform.parse("linux/arm64"));
        assertThat(arm64.sort(index).stream().map(Platform::format).toList())
                .containsExactly("linux/arm64", "linux/arm/v7", "linux/arm/v6", "linux/amd64");
    }

    @Test
    void armVariantComesFromCpuinfoOrTheMachineName() {
        String cpuinfo = "processor\t: 0\nmodel name\t: ARMv7 Processor rev 4 (v7l)\nCPU architecture: 7\n";
        assertThat(CpuVariant.cpuinfoField(cpuinfo, "Cpu architecture")).isEqualTo("7");
        assertThat(CpuVariant.arm("7", "armv7l", "ARMv7 Processor")).isEqualTo("v7");
        assertThat(CpuVariant.arm("AArch64", "aarch64", null)).isEqualTo("v8");
        assertThat(CpuVariant.arm(null, "armv6l", null)).isEqualTo("v6");
        assertThat(CpuVariant.arm("9", "x", null)).isEqualTo("unknown");
        assertThat(CpuVariant.cpuinfoField("flags: a b", "Cpu architecture")).isNull();
    }

    @Test
    void hostIsThisMachine() {
        Platform host = Platform.host();
        assertThat(host.os()).isEqualTo(System.getProperty("os.name").toLowerCase().replace(" ", ""));
        assertThat(host.architecture()).isEqualTo(HostPlatform.arch());
        assertThat(Platform.parse(host.os()).architecture()).isEqualTo(host.architecture());
        assertThat(PlatformMatcher.only(host).matches(host)).isTrue();
    }

    @Test
    void convertsToAndFromIndexEntries() {
        Platform armv7 = Platform.parse("linux/arm/v7");
        assertThat(armv7.toOci()).isEqualTo(new Descriptor.OciPlatform("arm", "linux", "v7", null));
        assertThat(Platform.of(armv7.toOci())).isEqualTo(armv7);
        assertThat(Platform.of(new Descriptor.OciPlatform("amd64", "linux", null, null)))
                .isEqualTo(Platform.of("linux", "amd64", ""));
    }
}
