package dev.kiln.cli.args;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HelpTest {
    private static LeafCommand spec() {
        Options o = new Options();
        o.option("-f", "--file").value("PATH", "Name of the Dockerfile (default: PATH/Dockerfile; '-' reads it"
                + " from stdin), a description long enough to be wrapped.", v -> { });
        o.option("--no-cache-filter").values("STAGE[,STAGE...]", "Do not cache the specified stages.", v -> { });
        o.option("--ast").required().flag("Print the AST.", v -> { });
        o.option("--attest").hidden().values("SPEC", "", v -> { });
        o.parameters("NAME", "Image names.", true, v -> { });
        return o.command("Remove things.\nSecond line.", () -> 0);
    }

    @Test
    void leafHelp_hasUsageDescriptionAndAlignedWrappedOptions_withoutHiddenOnes() {
        assertThat(Help.render(List.of("kiln", "rm"), spec())).isEqualTo("""
                Usage: kiln rm [OPTIONS] --ast NAME...
                Remove things.
                Second line.
                      NAME...      Image names.
                  -f, --file=PATH  Name of the Dockerfile (default: PATH/Dockerfile; '-' reads
                                     it from stdin), a description long enough to be wrapped.
                      --no-cache-filter=STAGE[,STAGE...]
                                   Do not cache the specified stages.
                      --ast        Print the AST.
                  -h, --help       Show this help message and exit.
                  -V, --version    Print version information and exit.
                """);
    }

    @Test
    void groupHelp_listsItsCommands() {
        CommandGroup group = new CommandGroup("A group.", List.of(new Subcommand("rm", HelpTest::spec)));
        assertThat(Help.render(List.of("kiln"), group)).isEqualTo("""
                Usage: kiln [OPTIONS] COMMAND
                A group.
                  -h, --help     Show this help message and exit.
                  -V, --version  Print version information and exit.
                Commands:
                  rm  Remove things.
                """);
    }
}
