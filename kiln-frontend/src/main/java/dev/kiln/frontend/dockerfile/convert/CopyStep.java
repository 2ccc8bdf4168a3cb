package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.pattern.PatternMatcher;
import dev.kiln.frontend.dockerfile.instructions.AddInstruction;
import dev.kiln.frontend.dockerfile.instructions.CopyInstruction;
import dev.kiln.frontend.dockerfile.instructions.SourceContent;
import dev.kiln.frontend.dockerfile.lint.LintRule;
import dev.kiln.frontend.dockerfile.lint.Linter;
import dev.kiln.frontend.dockerfile.parser.GoQuote;
import dev.kiln.frontend.dockerfile.parser.GoText;
import dev.kiln.graph.FileAction;
import dev.kiln.graph.NodeMeta;

import java.util.ArrayList;
import java.util.List;

/**
 * COPY and ADD as one file operation with a copy action per source: context (or {@code --from} stage)
 * paths relative to its root, heredocs through a generated file, the destination resolved against
 * WORKDIR keeping a trailing slash, and ADD unpacking local archives.
 */
final class CopyStep {
    private static final NodeMeta INLINE_DOCUMENT = new NodeMeta("[internal] preparing inline document", null, false);

    private final Conversion cx;

    CopyStep(Conversion cx) {
        this.cx = cx;
    }

    /** What COPY and ADD have in common, after expansion. */
    private record Spec(boolean add, List<String> sources, List<SourceContent> contents, String dest, String chown,
                        String chmod, List<String> excludes, boolean unpack, Ref from, StageState fromStage) {
    }

    void copy(StageState d, CopyInstruction c, Command command, Words words, Linter lint) {
        unsupported("COPY", c.link(), c.parents());
        StageState fromStage = command.sources().isEmpty() ? null : command.sources().getFirst();
        if (fromStage != null && !fromStage.dispatched) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "cannot copy from stage " + GoQuote.quote(c.from())
                    + ", it needs to be defined before current stage " + GoQuote.quote(d.displayName));
        }
        Ref from = fromStage == null ? Ref.of(cx.context) : fromStage.state.output();
        apply(d, command, lint, new Spec(false, words.expandAll(c.files().sourcePaths()),
                contents(c.files().sourceContents(), words), words.expand(c.files().destPath()),
                words.expand(c.chown()), words.expand(c.chmod()), words.expandAll(c.excludes()), false, from,
                fromStage));
    }

    void add(StageState d, AddInstruction c, Command command, Words words, Linter lint) {
        unsupported("ADD", c.link(), false);
        List<String> sources = words.expandAll(c.files().sourcePaths());
        String checksum = words.expand(c.checksum());
        for (String src : sources) {
            if (Sources.isUrl(src) || Sources.isGit(src)) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "ADD from " + (Sources.isGit(src) ? "a git "
                        + "repository" : "a URL") + " is not supported yet: " + src);
            }
        }
        if (!checksum.isEmpty()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, sources.size() != 1
                    ? "checksum can't be specified for multiple sources" : "checksum requires HTTP(S) or Git sources");
        }
        apply(d, command, lint, new Spec(true, sources, contents(c.files().sourceContents(), words),
                words.expand(c.files().destPath()), words.expand(c.chown()), words.expand(c.chmod()),
                words.expandAll(c.excludes()), c.unpack().orElse(true), Ref.of(cx.context), null));
    }

    private void apply(StageState d, Command command, Linter lint, Spec s) {
        String dest = destination(d, s.dest);
        ChmodSpec chmod = ChmodSpec.parse(s.chmod);
        FileAction.Owner owner = Owners.parse(s.chown);
        StringBuilder history = new StringBuilder(s.add ? "ADD" : "COPY");
        if (!s.chown.isEmpty()) {
            history.append(" --chown=").append(s.chown);
        }
        if (!s.chmod.isEmpty()) {
            history.append(" --chmod=").append(s.chmod);
        }
        String text = StepNames.instructionText(cx.lex, command.instruction().info().text(), d.state.env());
        NodeMeta meta = new NodeMeta(StepNames.next(d, text, cx.multiPlatform), command.location(), d.ignoreCache);
        List<FileVertex.ActionSpec> actions = new ArrayList<>();
        for (String src : s.sources) {
            if (!s.add && Sources.isUrl(src)) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "source can't be a URL for COPY");
            }
            if (!s.add && Sources.isGit(src)) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "source can't be a git ref for COPY");
            }
            history.append(' ').append(src);
            if (s.fromStage == null) {
                checkIgnored(src, s.add, command, lint);
            }
            actions.add(new FileVertex.CopySpec(s.from, new CopyAction(GoPath.normalize("/", src, false), dest, owner,
                    chmod, true, true, s.add && s.unpack, true, s.excludes, cx.epochNanos())));
            use(s, src);
        }
        for (SourceContent doc : s.contents) {
            history.append(" <<").append(doc.path());
            actions.add(new FileVertex.CopySpec(inlineDocument(d, doc), new CopyAction(GoPath.join("/", doc.path()),
                    dest, owner, chmod, false, false, false, false, s.excludes, cx.epochNanos())));
        }
        history.append(' ').append(s.dest).append(" # buildkit");
        FileVertex v = new FileVertex(d.state.output(), actions, d.platform.formatAll(), meta);
        d.state = d.state.withOutput(v.result());
        d.image.addHistory(history.toString(), true, cx.epochText());
    }

    private List<SourceContent> contents(List<SourceContent> docs, Words words) {
        return docs.stream().map(doc -> doc.expand()
                ? new SourceContent(doc.path(), words.expandRaw(doc.data()), true) : doc).toList();
    }

    /** The destination against WORKDIR; a trailing slash (or {@code .}) means "into this directory". */
    private static String destination(StageState d, String dest) {
        if (GoPath.isAbs(dest)) {
            return GoPath.normalize("/", dest, true);
        }
        String p = dest.equals(".") || dest.isEmpty() ? "./" : dest;
        return GoPath.normalize(d.state.dir(), p, true);
    }

    private Ref inlineDocument(StageState d, SourceContent doc) {
        FileAction mkfile = new FileAction.Mkfile(GoPath.join("/", doc.path()), 0644, GoText.encode(doc.data()),
                null, null);
        return new FileVertex(null, List.of(new FileVertex.Plain(mkfile)), d.platform.formatAll(), INLINE_DOCUMENT)
                .result();
    }

    private void use(Spec s, String src) {
        if (s.fromStage == null) {
            cx.context.use(GoPath.join("/", src));
        }
    }

    /** CopyIgnoredFile: a context source the .dockerignore excludes (skipped when it has exceptions). */
    private void checkIgnored(String src, boolean add, Command command, Linter lint) {
        PatternMatcher matcher = cx.ignoreMatcher();
        if (matcher == null || matcher.exclusions()) {
            return;
        }
        String path = GoPath.clean(src);
        if ((path.equals(".") || path.equals("/")) && !rootIgnored(matcher)) {
            return;
        }
        if (matcher.matchesOrParentMatches(path)) {
            lint.report(LintRule.COPY_IGNORED_FILE, command.location(), add ? "Add" : "Copy", path);
        }
    }

    private static boolean rootIgnored(PatternMatcher matcher) {
        return matcher.patterns().stream().anyMatch(p -> !p.exclusion()
                && List.of("*", "**", "**/*").contains(p.text()));
    }

    private static void unsupported(String instruction, boolean link, boolean parents) {
        if (link) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, instruction + " --link is not supported yet");
        }
        if (parents) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, instruction + " --parents is not supported yet");
        }
    }
}
