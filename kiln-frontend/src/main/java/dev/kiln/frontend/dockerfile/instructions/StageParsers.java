package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.GoQuote;
import dev.kiln.frontend.dockerfile.parser.GoText;
import dev.kiln.frontend.dockerfile.parser.Heredoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** FROM, ARG and ONBUILD: the instructions that shape stages and scopes. */
final class StageParsers {
    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9_.-]*");
    private static final Pattern ONBUILD_PREFIX =
            Pattern.compile("^[\\t\\n\\f\\r ]*ONBUILD[\\t\\n\\f\\r ]*", Pattern.CASE_INSENSITIVE);

    private StageParsers() {
    }

    static FromInstruction from(Request req) {
        String stageName = stageName(req.args());
        BuilderFlags.Flag platform = req.flags().addString("platform", "");
        req.flags().parse();
        return new FromInstruction(req.info(), req.args().getFirst(), stageName, platform.value(),
                description(req.comments(), stageName));
    }

    private static String stageName(List<String> args) {
        if (args.size() == 3 && GoText.equalFold(args.get(1), "as")) {
            String name = GoText.toLower(args.get(2));
            if (!STAGE_NAME.matcher(name).matches()) {
                throw Errors.invalid("invalid name for build stage: " + GoQuote.quote(args.get(2))
                        + ", name can't start with a number or contain symbols");
            }
            return name;
        }
        if (args.size() != 1) {
            throw Errors.invalid("FROM requires either one or three arguments");
        }
        return "";
    }

    /** ARG flags are not checked by BuildKit. */
    static ArgInstruction arg(Request req) {
        if (req.args().isEmpty()) {
            throw Errors.atLeastOneArgument("ARG");
        }
        List<ArgDefinition> args = new ArrayList<>();
        for (String arg : req.args()) {
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg : arg.substring(0, eq);
            if (eq == 0) {
                throw Errors.blankNames("ARG");
            }
            Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(arg.substring(eq + 1));
            args.add(new ArgDefinition(key, value, description(req.comments(), key)));
        }
        return new ArgInstruction(req.info(), args);
    }

    static OnbuildInstruction onbuild(Request req) {
        if (req.args().isEmpty()) {
            throw Errors.atLeastOneArgument("ONBUILD");
        }
        req.flags().parse();
        String trigger = GoText.toUpper(GoText.trimSpace(req.args().getFirst()));
        switch (trigger) {
            case "ONBUILD" -> throw Errors.invalid("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
            case "MAINTAINER", "FROM" -> throw Errors.invalid(trigger + " isn't allowed as an ONBUILD trigger");
            default -> {
            }
        }
        StringBuilder expression = new StringBuilder(ONBUILD_PREFIX.matcher(req.original()).replaceFirst(""));
        for (Heredoc doc : req.heredocs()) {
            expression.append('\n').append(doc.content()).append(doc.name());
        }
        return new OnbuildInstruction(req.info(), expression.toString());
    }

    /** The text after {@code <name> } in the first comment line that starts with the name. */
    private static String description(List<String> comments, String name) {
        if (name.isEmpty()) {
            return "";
        }
        for (String line : comments) {
            if (line.startsWith(name + " ")) {
                return line.substring(name.length() + 1);
            }
        }
        return "";
    }
}
