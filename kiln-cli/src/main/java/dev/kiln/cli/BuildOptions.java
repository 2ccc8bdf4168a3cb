package dev.kiln.cli;

import dev.kiln.cli.args.Options;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.platform.Platform;
import dev.kiln.frontend.dockerfile.convert.ConvertRequest;
import dev.kiln.frontend.dockerfile.convert.DockerIgnoreFiles;
import dev.kiln.frontend.dockerfile.convert.ImageMetadataResolver;
import dev.kiln.graph.ExecMeta;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build options shared by {@code kiln build} and {@code kiln debug llb}, named as in
 * {@code docker buildx build}. {@link #convertRequest} turns them into what the Dockerfile frontend needs.
 */
public final class BuildOptions {
    private String file;
    private final List<String> buildArgs = new ArrayList<>();
    private String target = "";
    private final List<String> platforms = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private boolean noCache;
    private final List<String> noCacheFilter = new ArrayList<>();
    private final List<String> addHosts = new ArrayList<>();
    private String network = "default";
    private String context;

    /** Declares the options (and the CONTEXT parameter) of {@code kiln build} and {@code kiln debug llb}. */
    public void declare(Options o) {
        o.option("-f", "--file").value("PATH",
                "Name of the Dockerfile (default: PATH/Dockerfile; '-' reads it from stdin).", v -> file = v);
        o.option("--build-arg").values("KEY[=VALUE]",
                "Set a build-time variable; KEY alone takes the value from the environment.", buildArgs::add);
        o.option("--target").value("STAGE", "Set the target build stage to build.", v -> target = v);
        o.option("--platform").values("PLATFORM[,PLATFORM...]", "Set target platform(s) for the build.",
                Options.commaSeparated(platforms));
        o.option("--label").values("KEY=VALUE", "Set metadata for an image.", labels::add);
        o.option("--no-cache").flag("Do not use cache when building the image.", v -> noCache = v);
        o.option("--no-cache-filter").values("STAGE[,STAGE...]", "Do not cache the specified stages.",
                Options.commaSeparated(noCacheFilter));
        o.option("--add-host").values("HOST:IP", "Add a custom host-to-IP mapping.", addHosts::add);
        o.option("--network").value("MODE",
                "Set the networking mode for the RUN instructions during build (default, none, host).",
                v -> network = v);
        o.parameter("CONTEXT", "Build context directory ('-' reads a tar from stdin).", v -> context = v);
    }

    /** {@code --network}: the network mode of every RUN step (default, none, host). */
    public String network() {
        return network;
    }

    /** Whether the context comes as a tar on stdin ({@code -}). */
    public boolean contextFromStdin() {
        return "-".equals(context);
    }

    /** Where a context read from stdin was unpacked (set by {@link #useUnpackedContext}). */
    private Path unpackedContext;

    /** Builds from {@code dir}, the unpacked stdin tar, instead of the {@code -} given as CONTEXT. */
    public void useUnpackedContext(Path dir) {
        if ("-".equals(file)) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "invalid argument: can't use stdin for both build context and dockerfile");
        }
        unpackedContext = dir;
    }

    /** The context directory; an error when the context is a stdin tar that was not unpacked. */
    public Path contextDir() {
        if (unpackedContext != null) {
            return unpackedContext;
        }
        if (contextFromStdin()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "this command needs a context directory, not '-'");
        }
        Path dir = Path.of(context);
        if (!Files.isDirectory(dir)) {
            throw new KilnException(ErrorKind.NOT_FOUND, "unable to prepare context: path \"" + context
                    + "\" not found");
        }
        return dir;
    }

    /**
     * The Dockerfile path, or null when it is read from stdin: {@code -f} as given (relative to the current
     * directory), else {@code Dockerfile} (or {@code dockerfile}) in the context directory.
     */
    public Path dockerfilePath(Path contextDir) {
        if ("-".equals(file)) {
            return null;
        }
        if (file != null) {
            return Path.of(file);
        }
        Path upper = contextDir.resolve("Dockerfile");
        Path lower = contextDir.resolve("dockerfile");
        return !Files.exists(upper) && Files.exists(lower) ? lower : upper;
    }

    /** The target platforms as given; empty for the host's. */
    public List<Platform> targetPlatforms() {
        return platforms.stream().map(String::strip).filter(p -> !p.isEmpty()).map(Platform::parse).toList();
    }

    /**
     * The request for one target platform (null: the implicit host target). {@code contextDir} is
     * {@link #contextDir()}, or where the caller unpacked a context tar read from stdin. The Dockerfile comes
     * from {@code stdin} when given as {@code -}; {@code environment} supplies {@code --build-arg KEY} values.
     */
    public ConvertRequest convertRequest(Path contextDir, Platform targetPlatform, ImageMetadataResolver resolver,
                                         InputStream stdin, Map<String, String> environment) {
        if (contextFromStdin() && "-".equals(file)) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "invalid argument: can't use stdin for both build context and dockerfile");
        }
        Path dockerfile = dockerfilePath(contextDir);
        return ConvertRequest.builder(readDockerfile(dockerfile, stdin))
                .fileName(dockerfile == null ? "Dockerfile" : dockerfile.getFileName().toString())
                .buildArgs(buildArgs(environment))
                .target(target)
                .labels(keyValues(labels))
                .targetPlatform(targetPlatform)
                .noCache(noCache)
                .noCacheFilter(noCacheFilter.stream().map(String::strip).filter(s -> !s.isEmpty()).toList())
                .context("context", DockerIgnoreFiles.read(contextDir, dockerfile))
                .extraHosts(extraHosts())
                .network(network)
                .resolver(resolver)
                .build();
    }

    /** {@code --build-arg} values; SOURCE_DATE_EPOCH comes from the environment unless given. */
    Map<String, String> buildArgs(Map<String, String> environment) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String arg : buildArgs) {
            int eq = arg.indexOf('=');
            if (eq >= 0) {
                out.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else if (environment.containsKey(arg)) {
                out.put(arg, environment.get(arg));
            }
        }
        String epoch = environment.get("SOURCE_DATE_EPOCH");
        if (epoch != null && !out.containsKey("SOURCE_DATE_EPOCH")) {
            out.put("SOURCE_DATE_EPOCH", epoch);
        }
        return out;
    }

    private static Map<String, String> keyValues(List<String> items) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            out.put(eq < 0 ? item : item.substring(0, eq), eq < 0 ? "" : item.substring(eq + 1));
        }
        return out;
    }

    /** {@code host=ip} or {@code host:ip} (use {@code =} for IPv6). */
    List<ExecMeta.HostIp> extraHosts() {
        List<ExecMeta.HostIp> out = new ArrayList<>();
        for (String entry : addHosts) {
            int sep = entry.indexOf('=') >= 0 ? entry.indexOf('=') : entry.indexOf(':');
            if (sep <= 0) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid host " + entry
                        + ": expected HOST:IP or HOST=IP");
            }
            String ip = entry.substring(sep + 1);
            try {
                InetAddress.ofLiteral(ip);
            } catch (IllegalArgumentException e) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "failed to parse IP " + ip + " in --add-host "
                        + entry);
            }
            out.add(new ExecMeta.HostIp(entry.substring(0, sep), ip));
        }
        return out;
    }

    private static byte[] readDockerfile(Path dockerfile, InputStream stdin) {
        try {
            return dockerfile == null ? stdin.readAllBytes() : Files.readAllBytes(dockerfile);
        } catch (NoSuchFileException e) {
            throw new KilnException(ErrorKind.NOT_FOUND, "failed to read Dockerfile " + dockerfile
                    + ": no such file or directory", e);
        } catch (IOException e) {
            throw new KilnException(ErrorKind.NOT_FOUND, "failed to read Dockerfile "
                    + (dockerfile == null ? "from stdin" : dockerfile) + ": " + e.getMessage(), e);
        }
    }
}
