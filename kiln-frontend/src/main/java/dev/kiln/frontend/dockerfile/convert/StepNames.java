package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.parser.GoText;
import dev.kiln.frontend.dockerfile.shell.EnvLookup;
import dev.kiln.frontend.dockerfile.shell.ShellLex;
import java.util.Locale;

/**
 * Progress names of build steps, BuildKit's {@code prefixCommand}: {@code [stage k/n] INSTRUCTION args}, the
 * index right-aligned to the width of n, {@code ONBUILD } before triggers, the platform first in
 * multi-platform builds.
 */
final class StepNames {
    private StepNames() {
    }

    /** Names the next step of {@code d} (and counts it); stages without counted steps get the bare text. */
    static String next(StageState d, String text, boolean withPlatform) {
        if (d.cmdTotal == 0) {
            return text;
        }
        StringBuilder out = new StringBuilder("[");
        if (withPlatform && d.platform != null) {
            out.append(d.platform.formatAll()).append(' ');
        }
        if (!d.displayName.isEmpty()) {
            out.append(d.displayName).append(' ');
        }
        d.cmdIndex++;
        int width = (int) (1 + Math.log10(d.cmdTotal));
        out.append(String.format(Locale.ROOT, "%" + width + "d/%d] ", d.cmdIndex, d.cmdTotal));
        if (d.cmdIsOnBuild) {
            out.append("ONBUILD ");
        }
        return out.append(text).toString();
    }

    /** The instruction text with variables expanded where possible and the keyword upper-cased. */
    static String instructionText(ShellLex lex, String source, EnvLookup env) {
        String expanded;
        try {
            expanded = lex.processWord(source, env);
        } catch (KilnException e) {
            expanded = source;
        }
        int space = expanded.indexOf(' ');
        return space < 0 ? GoText.toUpper(expanded)
                : GoText.toUpper(expanded.substring(0, space)) + expanded.substring(space);
    }

    /** The first line of a heredoc body, with {@code ...} when there are more. */
    static String heredocSummary(String doc) {
        String[] lines = doc.strip().replace("\r\n", "\n").split("\n", -1);
        return lines.length > 1 ? lines[0] + "..." : lines[0];
    }
}
