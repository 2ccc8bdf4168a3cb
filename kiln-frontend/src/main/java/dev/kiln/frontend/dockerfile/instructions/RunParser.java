package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.GoQuote;

import java.util.List;
import java.util.Set;

/** RUN and its flags: {@code --mount}, {@code --network}, {@code --security}, {@code --device}. */
final class RunParser {
    private static final Set<String> NETWORKS = Set.of("default", "none", "host");
    private static final Set<String> SECURITY_MODES = Set.of("sandbox", "insecure");

    private RunParser() {
    }

    static RunInstruction run(Request req) {
        BuilderFlags flags = req.flags();
        BuilderFlags.Flag device = flags.addStrings("device");
        BuilderFlags.Flag mount = flags.addStrings("mount");
        BuilderFlags.Flag network = flags.addString("network", "default");
        BuilderFlags.Flag security = flags.addString("security", "sandbox");
        flags.parse();
        CommandLine command = CommandParsers.commandLine(req);
        List<DeviceSpec> devices = device.values().stream().map(DeviceSpec::parse).toList();
        mount.values().forEach(MountParser::checkUnexpanded);
        if (!NETWORKS.contains(network.value())) {
            throw Errors.invalid("invalid network mode " + GoQuote.quote(network.value()));
        }
        if (!SECURITY_MODES.contains(security.value())) {
            throw Errors.invalid("security " + GoQuote.quote(security.value()) + " is not valid");
        }
        return new RunInstruction(req.info(), command, mount.values(), network.value(), security.value(), devices,
                flags.used());
    }
}
