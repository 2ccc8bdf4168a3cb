package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.Heredoc;
import dev.kiln.frontend.dockerfile.parser.Heredocs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ADD and COPY. */
final class FileParsers {
    private FileParsers() {
    }

    static AddInstruction add(Request req) {
        if (req.args().size() < 2) {
            throw Errors.noDestination("ADD");
        }
        BuilderFlags flags = req.flags();
        BuilderFlags.Flag excludes = flags.addStrings("exclude");
        BuilderFlags.Flag chown = flags.addString("chown", "");
        BuilderFlags.Flag chmod = flags.addString("chmod", "");
        BuilderFlags.Flag link = flags.addBool("link", false);
        BuilderFlags.Flag keepGitDir = flags.addBool("keep-git-dir", false);
        BuilderFlags.Flag checksum = flags.addString("checksum", "");
        BuilderFlags.Flag unpack = flags.addBool("unpack", false);
        flags.parse();
        SourcesAndDest files = sourcesAndDest(req, "ADD");
        return new AddInstruction(req.info(), files, chown.value(), chmod.value(), link.isTrue(), excludes.values(),
                ifUsed(flags, keepGitDir), checksum.value(), ifUsed(flags, unpack));
    }

    static CopyInstruction copy(Request req) {
        if (req.args().size() < 2) {
            throw Errors.noDestination("COPY");
        }
        BuilderFlags flags = req.flags();
        BuilderFlags.Flag excludes = flags.addStrings("exclude");
        BuilderFlags.Flag parents = flags.addBool("parents", false);
        BuilderFlags.Flag chown = flags.addString("chown", "");
        BuilderFlags.Flag from = flags.addString("from", "");
        BuilderFlags.Flag chmod = flags.addString("chmod", "");
        BuilderFlags.Flag link = flags.addBool("link", false);
        flags.parse();
        SourcesAndDest files = sourcesAndDest(req, "COPY");
        return new CopyInstruction(req.info(), files, from.value(), chown.value(), chmod.value(), link.isTrue(),
                parents.isTrue(), excludes.values());
    }

    private static Optional<Boolean> ifUsed(BuilderFlags flags, BuilderFlags.Flag flag) {
        return flags.isUsed(flag.name()) ? Optional.of(flag.isTrue()) : Optional.empty();
    }

    /** Splits sources from the destination; heredoc markers among the sources become inline contents. */
    private static SourcesAndDest sourcesAndDest(Request req, String command) {
        List<String> args = req.args();
        String dest = args.getLast();
        if (Heredocs.parseWordLenient(dest).isPresent()) {
            throw Errors.badHeredoc(command, "a destination");
        }
        Map<String, Heredoc> bodies = new HashMap<>();
        req.heredocs().forEach(h -> bodies.put(h.name(), h));
        List<String> paths = new ArrayList<>();
        List<SourceContent> contents = new ArrayList<>();
        for (String src : args.subList(0, args.size() - 1)) {
            Optional<Heredoc> marker = Heredocs.parseWordLenient(src);
            if (marker.isEmpty()) {
                paths.add(src);
                continue;
            }
            Heredoc doc = marker.get();
            String data = bodies.containsKey(doc.name()) ? bodies.get(doc.name()).content() : "";
            contents.add(new SourceContent(doc.name(), doc.chomp() ? Heredocs.chomp(data) : data, doc.expand()));
        }
        return new SourcesAndDest(paths, contents, dest);
    }
}
