package dev.kiln.cli.args;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every syntax form the parser accepts, and every usage error with its message. */
class ArgParserTest {
    private final List<String> tags = new ArrayList<>();
    private final List<String> platforms = new ArrayList<>();
    private String file;
    private Path iidFile;
    private boolean quiet;
    private boolean pull;
    private String context;

    private LeafCommand spec() {
        Options o = new Options();
        o.option("-t", "--tag").values("NAME[:TAG]", "Image name.", tags::add);
        o.option("-f", "--file").value("PATH", "Dockerfile.", v -> file = v);
        o.option("--platform").values("PLATFORM[,PLATFORM...]", "Platforms.", Options.commaSeparated(platforms));
        o.option("--iidfile").value("FILE", "Image ID file.", v -> iidFile = Path.of(v));
        o.option("-q", "--quiet").flag("Quiet.", v -> quiet = v);
        o.option("--pull").flag("Pull.", v -> pull = v);
        o.option("--secret-thing").hidden().values("X", "", tags::add);
        o.parameter("CONTEXT", "Context.", v -> context = v);
        return o.command("Test.", () -> 7);
    }

    private Parsed parse(String... args) {
        return ArgParser.parse(List.of("kiln", "t"), spec(), List.of(args));
    }

    private void fails(String message, String... args) {
        assertThatThrownBy(() -> parse(args)).isInstanceOf(UsageException.class).hasMessage(message);
    }

    @Test
    void longOptions_takeTheNextArgumentOrTheTextAfterEquals() throws Exception {
        Parsed p = parse("--tag", "a", "--tag=b", "--tag=", "--file", "Dockerfile.x", "ctx");
        assertThat(tags).containsExactly("a", "b", "");
        assertThat(file).isEqualTo("Dockerfile.x");
        assertThat(context).isEqualTo("ctx");
        assertThat(p).isInstanceOfSatisfying(Parsed.Execute.class, e -> assertThat(call(e)).isEqualTo(7));
    }

    @Test
    void shortOptions_takeASeparateOrAttachedValue_andFlagsCluster() {
        parse("-t", "a", "-tb", "-t=c", "-qtd", "ctx");
        assertThat(tags).containsExactly("a", "b", "c", "d");
        assertThat(quiet).isTrue();
        parse("-qf", "-", "ctx");
        assertThat(file).isEqualTo("-");
    }

    @Test
    void flags_areTrueWhenGiven_orTakeAnAttachedBoolean() {
        parse("--quiet=FALSE", "--pull", "ctx");
        assertThat(quiet).isFalse();
        assertThat(pull).isTrue();
        parse("-q=true", "ctx");
        assertThat(quiet).isTrue();
    }

    @Test
    void optionsAndParameters_mixInAnyOrder_andDoubleDashEndsOptions() {
        parse("ctx", "-t", "a");
        assertThat(context).isEqualTo("ctx");
        assertThat(tags).containsExactly("a");
        parse("-t", "b", "--", "-q");
        assertThat(context).isEqualTo("-q");
        assertThat(quiet).isFalse();
        parse("-");
        assertThat(context).isEqualTo("-");
    }

    @Test
    void valuesConvert_andCommaListsSplit_andHiddenOptionsAreAccepted() {
        parse("--iidfile", "/tmp/id", "--platform", "linux/amd64,linux/arm64", "--platform=linux/s390x",
                "--secret-thing", "s", "ctx");
        assertThat(iidFile).isEqualTo(Path.of("/tmp/id"));
        assertThat(platforms).containsExactly("linux/amd64", "linux/arm64", "linux/s390x");
        assertThat(tags).containsExactly("s");
    }

    @Test
    void helpAndVersion_winWhereverTheyAppear_andLaterArgumentsAreNotParsed() {
        assertThat(parse("--help")).isInstanceOfSatisfying(Parsed.ShowHelp.class, h -> {
            assertThat(h.path()).containsExactly("kiln", "t");
            assertThat(h.onStderr()).isFalse();
        });
        assertThat(parse("ctx", "-h", "--no-such-option")).isInstanceOf(Parsed.ShowHelp.class);
        assertThat(parse("-qh")).isInstanceOf(Parsed.ShowHelp.class);
        assertThat(parse("-V")).isInstanceOf(Parsed.ShowVersion.class);
        assertThat(parse("--version", "a", "b")).isInstanceOf(Parsed.ShowVersion.class);
    }

    @Test
    void unknownOptions_areUsageErrors() {
        fails("Unknown option: '--bogus'", "--bogus", "ctx");
        fails("Unknown option: '--bogus=1'", "--bogus=1", "ctx");
        fails("Unknown option: '-x'", "-x", "ctx");
        fails("Unknown option: '-qx'", "-qx", "ctx");
        fails("Unknown option: '--ta'", "--ta", "x", "ctx");
    }

    @Test
    void missingOrMisplacedValues_areUsageErrors() {
        fails("Missing required parameter for option '--tag' (NAME[:TAG])", "ctx", "-t");
        fails("Missing required parameter for option '--file' (PATH)", "ctx", "--file");
        fails("Expected parameter for option '--tag' but found '--iidfile'", "-t", "--iidfile", "x", "ctx");
        fails("Expected parameter for option '--tag' but found '-q'", "-t", "-q", "ctx");
        fails("Expected parameter for option '--tag' but found '--'", "-t", "--", "ctx");
        fails("Expected parameter for option '--file' but found '--tag=x'", "-f", "--tag=x", "ctx");
    }

    @Test
    void singleValuedOptionsAndFlags_areGivenAtMostOnce() {
        fails("option '--file' (PATH) should be specified only once", "-f", "a", "--file=b", "ctx");
        fails("option '--quiet' should be specified only once", "-qq", "ctx");
        fails("option '--quiet' should be specified only once", "-q", "--quiet=false", "ctx");
    }

    @Test
    void badValues_areUsageErrorsNamingTheOption() {
        fails("Invalid value for option '--quiet': 'maybe' is not a boolean", "--quiet=maybe", "ctx");
        assertThatThrownBy(() -> parse("--iidfile", "a\0b", "ctx")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("Invalid value for option '--iidfile': 'a\0b' (");
    }

    @Test
    void parameterCounts_areChecked() {
        fails("Missing required parameter: 'CONTEXT'", "-q");
        fails("Unexpected argument: 'b'", "a", "b");
        fails("Unexpected argument: '-x'", "a", "--", "-x");
    }

    @Test
    void requiredOptionsAndRepeatableParameters() {
        List<String> names = new ArrayList<>();
        Options o = new Options();
        o.option("--ast").required().flag("AST.", v -> { });
        o.parameters("NAME", "Names.", true, names::add);
        LeafCommand spec = o.command("Test.", () -> 0);
        assertThatThrownBy(() -> ArgParser.parse(List.of("t"), spec, List.of("a")))
                .hasMessage("Missing required option: '--ast'");
        assertThatThrownBy(() -> ArgParser.parse(List.of("t"), spec, List.of("--ast")))
                .hasMessage("Missing required parameter: 'NAME'");
        ArgParser.parse(List.of("t"), spec, List.of("a", "--ast", "b", "c"));
        assertThat(names).containsExactly("a", "b", "c");
    }

    @Test
    void groups_makeOnlyTheNamedSubcommandsSpec() {
        AtomicInteger made = new AtomicInteger();
        CommandGroup group = new CommandGroup("Group.", List.of(
                new Subcommand("t", () -> {
                    made.incrementAndGet();
                    return spec();
                }),
                new Subcommand("other", () -> {
                    throw new AssertionError("not named, so not made");
                })));
        Parsed p = ArgParser.parse(List.of("kiln"), group, List.of("t", "-t", "x", "ctx"));
        assertThat(p).isInstanceOf(Parsed.Execute.class);
        assertThat(made).hasValue(1);
        assertThat(tags).containsExactly("x");
        assertThat(ArgParser.parse(List.of("kiln"), group, List.of("t", "--help")))
                .isInstanceOfSatisfying(Parsed.ShowHelp.class, h -> assertThat(h.path()).containsExactly("kiln", "t"));
    }

    @Test
    void groups_showTheirUsageOnStderrWithoutASubcommand_andRejectUnknownOnes() {
        CommandGroup group = new CommandGroup("Group.", List.of(new Subcommand("t", this::spec)));
        assertThat(ArgParser.parse(List.of("kiln"), group, List.of()))
                .isEqualTo(new Parsed.ShowHelp(List.of("kiln"), group, true));
        assertThat(ArgParser.parse(List.of("kiln"), group, List.of("-h", "t")))
                .isEqualTo(new Parsed.ShowHelp(List.of("kiln"), group, false));
        assertThatThrownBy(() -> ArgParser.parse(List.of("kiln"), group, List.of("frob")))
                .hasMessage("Unknown command: 'frob'");
        assertThatThrownBy(() -> ArgParser.parse(List.of("kiln"), group, List.of("--tag", "t")))
                .hasMessage("Unknown option: '--tag'");
    }

    @Test
    void declarations_rejectDuplicateAndMalformedNames() {
        Options o = new Options();
        o.option("-t", "--tag").values("T", "Tag.", v -> { });
        assertThatThrownBy(() -> o.option("--tag").flag("Again.", v -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--tag");
        assertThatThrownBy(() -> o.option("-h").flag("Not help.", v -> { }))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> o.option("tag").flag("No dash.", v -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.option("-ab").flag("Two letters, one dash.", v -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int call(Parsed.Execute e) {
        try {
            return e.action().call();
        } catch (Exception x) {
            throw new AssertionError(x);
        }
    }
}
