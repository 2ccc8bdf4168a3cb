package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.GoText;
import dev.kiln.frontend.dockerfile.parser.Heredoc;

import java.util.List;
import java.util.regex.Pattern;

/** CMD, ENTRYPOINT and SHELL, plus the command line shared with RUN. */
final class CommandParsers {
    private static final Pattern UNESCAPED_WINDOWS_PATH = Pattern.compile("\"[a-z]:\\\\");

    private CommandParsers() {
    }

    static CmdInstruction cmd(Request req) {
        req.flags().parse();
        return new CmdInstruction(req.info(), commandLine(req));
    }

    static EntrypointInstruction entrypoint(Request req) {
        req.flags().parse();
        return new EntrypointInstruction(req.info(), commandLine(req));
    }

    static ShellInstruction shell(Request req) {
        req.flags().parse();
        List<String> shell = req.commandWords();
        if (shell.isEmpty()) {
            throw Errors.atLeastOneArgument("SHELL");
        }
        if (!req.json()) {
            throw notJson("SHELL", req.original());
        }
        return new ShellInstruction(req.info(), shell);
    }

    static CommandLine commandLine(Request req) {
        List<InlineFile> files = req.heredocs().stream()
                .map((Heredoc h) -> new InlineFile(h.name(), h.content(), h.chomp())).toList();
        return new CommandLine(req.commandWords(), files, !req.json());
    }

    /** BuildKit's message, with its hint for unescaped Windows paths in would-be JSON. */
    static RuntimeException notJson(String command, String original) {
        String text = GoText.toLower(GoText.toLower(original).replace(GoText.toLower(command) + " ", ""));
        String extra = "";
        if (UNESCAPED_WINDOWS_PATH.matcher(text).find() && !text.contains("\\\\") && text.contains("[")
                && text.contains("]")) {
            extra = ". It looks like '" + text + "' includes a file path without an escaped back-slash. JSON requires"
                    + " back-slashes to be escaped such as [\"c:\\\\path\\\\to\\\\file.exe\", \"/parameter\"]";
        }
        return Errors.invalid(command + " requires the arguments to be in JSON form" + extra);
    }
}
