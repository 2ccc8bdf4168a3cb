package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.GoText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** ENV, LABEL, MAINTAINER, WORKDIR, EXPOSE, USER, VOLUME, STOPSIGNAL. */
final class MetadataParsers {
    private MetadataParsers() {
    }

    static EnvInstruction env(Request req) {
        req.flags().parse();
        return new EnvInstruction(req.info(), keyValuePairs(req.args(), "ENV"));
    }

    static LabelInstruction label(Request req) {
        req.flags().parse();
        return new LabelInstruction(req.info(), keyValuePairs(req.args(), "LABEL"));
    }

    static MaintainerInstruction maintainer(Request req) {
        String maintainer = exactlyOne(req, "MAINTAINER");
        req.flags().parse();
        return new MaintainerInstruction(req.info(), maintainer);
    }

    static WorkdirInstruction workdir(Request req) {
        String path = exactlyOne(req, "WORKDIR");
        req.flags().parse();
        return new WorkdirInstruction(req.info(), path);
    }

    static ExposeInstruction expose(Request req) {
        if (req.args().isEmpty()) {
            throw Errors.atLeastOneArgument("EXPOSE");
        }
        req.flags().parse();
        List<String> ports = new ArrayList<>(req.args());
        ports.sort((a, b) -> Arrays.compareUnsigned(GoText.encode(a), GoText.encode(b)));
        return new ExposeInstruction(req.info(), ports);
    }

    static UserInstruction user(Request req) {
        String user = exactlyOne(req, "USER");
        req.flags().parse();
        return new UserInstruction(req.info(), user);
    }

    static VolumeInstruction volume(Request req) {
        if (req.args().isEmpty()) {
            throw Errors.atLeastOneArgument("VOLUME");
        }
        req.flags().parse();
        List<String> volumes = new ArrayList<>();
        for (String v : req.args()) {
            String trimmed = GoText.trimSpace(v);
            if (trimmed.isEmpty()) {
                throw Errors.invalid("VOLUME specified can not be an empty string");
            }
            volumes.add(trimmed);
        }
        return new VolumeInstruction(req.info(), volumes);
    }

    /** BuildKit does not check STOPSIGNAL flags. */
    static StopSignalInstruction stopSignal(Request req) {
        return new StopSignalInstruction(req.info(), exactlyOne(req, "STOPSIGNAL"));
    }

    private static String exactlyOne(Request req, String command) {
        if (req.args().size() != 1) {
            throw Errors.exactlyOneArgument(command);
        }
        return req.args().getFirst();
    }

    /** The parser's key/value/separator triples as pairs. */
    private static List<KeyValuePair> keyValuePairs(List<String> args, String command) {
        if (args.isEmpty()) {
            throw Errors.atLeastOneArgument(command);
        }
        if (args.size() % 3 != 0) {
            throw Errors.tooManyArguments(command);
        }
        List<KeyValuePair> pairs = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 3) {
            if (args.get(i).isEmpty()) {
                throw Errors.blankNames(command);
            }
            pairs.add(new KeyValuePair(args.get(i), args.get(i + 1), args.get(i + 2).isEmpty()));
        }
        return pairs;
    }
}
