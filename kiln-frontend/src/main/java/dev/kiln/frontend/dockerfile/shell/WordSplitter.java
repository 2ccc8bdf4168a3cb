package dev.kiln.frontend.dockerfile.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits expansion output into words: unquoted whitespace separates words, quoted or escaped text never does.
 * The current-word buffer is handed in because upstream shares one buffer between a scan and the scans nested
 * inside its {@code ${…}} arguments, and the nested scan clears it; the split words must come out the same.
 */
final class WordSplitter {
    private final StringBuilder current;
    private final List<String> words = new ArrayList<>();
    private boolean inWord;

    WordSplitter(StringBuilder sharedBuffer) {
        current = sharedBuffer;
        current.setLength(0);
    }

    /** A character that separates words when it is whitespace. */
    void addChar(int ch) {
        if (!GoText.isSpace(ch)) {
            addRawChar(ch);
        } else if (inWord && !current.isEmpty()) {
            endWord();
        }
    }

    /** A character that is always part of the word (escaped or quoted). */
    void addRawChar(int ch) {
        current.appendCodePoint(ch);
        inWord = true;
    }

    void addString(String text) {
        text.codePoints().forEach(this::addChar);
    }

    void addRawString(String text) {
        current.append(text);
        inWord = true;
    }

    List<String> finish() {
        if (!current.isEmpty()) {
            endWord();
        }
        return List.copyOf(words);
    }

    private void endWord() {
        words.add(current.toString());
        current.setLength(0);
        inWord = false;
    }
}
