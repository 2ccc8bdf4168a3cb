package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMeta.HostIp;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The /etc/hosts and /etc/resolv.conf a container gets, generated as BuildKit does. */
final class EtcFiles {
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,253}");
    private static final Pattern LOCALHOST_NAMESERVER =
            Pattern.compile("(?m)^nameserver\\s+(127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}|::1)\\s*(\\n|$)");
    private static final Pattern NAMESERVER = Pattern.compile("(?m)^\\s*nameserver\\s+(\\S+)");
    /** Docker's fallback when filtering leaves no nameserver (IPv6 included, as BuildKit asks for). */
    private static final String DEFAULT_NAMESERVERS = "nameserver 8.8.8.8\nnameserver 8.8.4.4\n"
            + "nameserver 2001:4860:4860::8888\nnameserver 2001:4860:4860::8844\n";
    private static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");
    /** Where systemd-resolved keeps the real upstream servers behind its 127.0.0.53 stub. */
    private static final Path RESOLVED_UPSTREAM = Path.of("/run/systemd/resolve/resolv.conf");

    private EtcFiles() {
    }

    static byte[] hosts(String hostname, List<HostIp> extraHosts) {
        StringBuilder out = new StringBuilder()
                .append("127.0.0.1\tlocalhost ").append(hostname).append('\n')
                .append("::1\tlocalhost ip6-localhost ip6-loopback\n");
        for (HostIp host : extraHosts) {
            out.append(literalIp(host)).append('\t').append(host.host()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The host file the container's resolv.conf derives from (missing = empty). */
    static byte[] readHostResolvConf(NetworkMode mode) {
        try {
            byte[] etc = readIfExists(HOST_RESOLV_CONF);
            if (mode != NetworkMode.HOST && nameservers(etc).equals(List.of("127.0.0.53"))
                    && Files.exists(RESOLVED_UPSTREAM)) {
                return readIfExists(RESOLVED_UPSTREAM);
            }
            return etc;
        } catch (IOException e) {
            throw new KilnException(ErrorKind.UNAVAILABLE, "cannot read the host's resolv.conf: " + e.getMessage(), e);
        }
    }

    /**
     * Outside host mode, nameservers on the host's loopback cannot be reached from the container's view
     * (BuildKit filters them even when the sandbox shares the host network); with none left, public
     * defaults are added. Host mode keeps the file unless it names no nameserver at all.
     */
    static byte[] resolvConf(byte[] hostFile, NetworkMode mode) {
        if (mode == NetworkMode.HOST && !nameservers(hostFile).isEmpty()) {
            return hostFile;
        }
        String filtered = LOCALHOST_NAMESERVER.matcher(new String(hostFile, StandardCharsets.UTF_8)).replaceAll("");
        if (NAMESERVER.matcher(filtered).results().findAny().isEmpty()) {
            if (!filtered.isEmpty() && !filtered.endsWith("\n")) {
                filtered += "\n";
            }
            filtered += DEFAULT_NAMESERVERS;
        }
        return filtered.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> nameservers(byte[] file) {
        return NAMESERVER.matcher(new String(file, StandardCharsets.UTF_8)).results().map(m -> m.group(1)).toList();
    }

    private static byte[] readIfExists(Path path) throws IOException {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    /** Only a literal address is accepted: resolving names here would leak DNS lookups and hang. */
    private static String literalIp(HostIp host) {
        if (host.host() == null || !HOST_NAME.matcher(host.host()).matches()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid extra host name " + host.host());
        }
        try {
            InetAddress.ofLiteral(host.ip() == null ? "" : host.ip());
            return host.ip();
        } catch (IllegalArgumentException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "invalid IP address " + host.ip() + " for extra host " + host.host());
        }
    }
}
