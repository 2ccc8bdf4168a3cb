package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.platform.Platform;
import dev.kiln.frontend.dockerfile.instructions.ArgDefinition;
import dev.kiln.frontend.dockerfile.instructions.ArgInstruction;
import dev.kiln.frontend.dockerfile.shell.ShellLex;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The global ARG scope: BuildKit's automatic platform arguments, then the ARGs before the first FROM with
 * their defaults expanded in order, a {@code --build-arg} value replacing a default.
 *
 * @param env      the arguments that have values
 * @param declared every name declared before the first FROM, with or without a value
 */
record GlobalArgs(EnvList env, Set<String> declared) {

    static EnvList automatic(Platform build, Platform target, Map<String, String> overrides, String targetStage) {
        String[] pairs = {
                "BUILDPLATFORM", build.format(), "BUILDOS", build.os(), "BUILDOSVERSION", build.osVersion(),
                "BUILDARCH", build.architecture(), "BUILDVARIANT", build.variant(),
                "TARGETPLATFORM", target.format(), "TARGETOS", target.os(), "TARGETOSVERSION", target.osVersion(),
                "TARGETARCH", target.architecture(), "TARGETVARIANT", target.variant(), "TARGETSTAGE", targetStage};
        EnvList env = EnvList.EMPTY;
        for (int i = 0; i < pairs.length; i += 2) {
            env = env.with(pairs[i], overrides.getOrDefault(pairs[i], pairs[i + 1]));
        }
        return env;
    }

    /** Applies the global ARGs to {@code start}; errors are located at their ARG. */
    static GlobalArgs resolve(EnvList start, ShellLex lex, List<ArgInstruction> metaArgs,
                              Map<String, String> buildArgs) {
        EnvList env = start;
        Set<String> declared = new LinkedHashSet<>();
        for (ArgInstruction cmd : metaArgs) {
            for (ArgDefinition arg : cmd.args()) {
                String value = buildArgs.get(arg.key());
                if (value == null && arg.defaultValue().isPresent()) {
                    EnvList scope = env;
                    value = Located.at(cmd.location(), () -> lex.processWord(arg.defaultValue().get(), scope));
                }
                if (value != null) {
                    env = env.with(arg.key(), value);
                }
                declared.add(arg.key());
            }
        }
        return new GlobalArgs(env, declared);
    }

    /** The names the UndefinedArgInFrom check accepts: declared globals and automatic arguments. */
    Set<String> knownNames() {
        Set<String> names = new LinkedHashSet<>(declared);
        names.addAll(env.keys());
        return names;
    }
}
