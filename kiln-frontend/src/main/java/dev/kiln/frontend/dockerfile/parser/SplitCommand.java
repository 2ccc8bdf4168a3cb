package dev.kiln.frontend.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * An instruction line cut into keyword, leading {@code --flag} words and the remaining argument text
 * (BuildKit's {@code splitCommand}). Flags are scanned byte by byte like upstream, so each non-ASCII byte of a
 * flag becomes the Latin-1 character of that byte, and bytes 0x85/0xA0 count as blanks.
 */
record SplitCommand(String keyword, List<String> flags, String args) {
    static SplitCommand of(String line) {
        List<String> parts = ArgumentSyntax.goSplit(ArgumentSyntax.ASCII_WHITESPACE, GoText.trimSpace(line), 2);
        if (parts.size() < 2) {
            return new SplitCommand(parts.getFirst(), List.of(), "");
        }
        if (!startsWithFlag(parts.get(1))) {
            return new SplitCommand(parts.getFirst(), List.of(), GoText.trimSpace(parts.get(1)));
        }
        byte[] bytes = GoText.encode(parts.get(1));
        List<String> flags = new ArrayList<>();
        int argsStart = extractFlags(bytes, flags);
        String args = argsStart < 0 ? "" : GoText.decode(bytes, argsStart, bytes.length);
        return new SplitCommand(parts.getFirst(), List.copyOf(flags), GoText.trimSpace(args));
    }

    /** Whether the byte scan below could find a flag: the first byte that is not a blank starts {@code --}. */
    private static boolean startsWithFlag(String rest) {
        int i = 0;
        while (i < rest.length() && rest.charAt(i) < 0x80 && GoText.isSpace(rest.charAt(i))) {
            i++;
        }
        return rest.startsWith("--", i);
    }

    /** Collects flag words into {@code flags}; returns where the arguments start, or -1 when none remain. */
    private static int extractFlags(byte[] line, List<String> flags) {
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean blankOk = false;
        int quote = 0;
        boolean inQuote = false;
        for (int pos = 0; pos < line.length; pos++) {
            int ch = line[pos] & 0xFF;
            if (!inWord) {
                if (GoText.isSpace(ch)) {
                    continue;
                }
                if (ch != '-' || pos + 1 == line.length || line[pos + 1] != '-') {
                    return pos;
                }
                inWord = true;
            }
            if (inQuote) {
                if (ch == quote) {
                    inQuote = false;
                    continue;
                }
                if (ch == '\\') {
                    if (pos + 1 == line.length) {
                        inQuote = false;
                        continue;
                    }
                    ch = line[++pos] & 0xFF;
                }
                word.append((char) ch);
                continue;
            }
            if (GoText.isSpace(ch)) {
                inWord = false;
                if (word.toString().equals("--")) {
                    return pos;
                }
                if (blankOk || !word.isEmpty()) {
                    flags.add(word.toString());
                }
                word.setLength(0);
                blankOk = false;
                continue;
            }
            if (ch == '\'' || ch == '"') {
                quote = ch;
                blankOk = true;
                inQuote = true;
                continue;
            }
            if (ch == '\\') {
                if (pos + 1 == line.length) {
                    continue;
                }
                ch = line[++pos] & 0xFF;
            }
            word.append((char) ch);
        }
        if (inWord && !word.toString().equals("--") && (blankOk || !word.isEmpty())) {
            flags.add(word.toString());
        }
        return -1;
    }
}
