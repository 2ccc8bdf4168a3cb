package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;
import dev.kiln.frontend.dockerfile.parser.GoQuote;
import dev.kiln.frontend.dockerfile.lint.LintRule;
import dev.kiln.frontend.dockerfile.lint.Linter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * EXPOSE arguments to image-config port keys: {@code [ip:][hostPort:]containerPort[/proto]} with port
 * ranges expanded, the default protocol tcp, only the container side kept. IP and host-port forms are
 * accepted (BuildKit keeps them for compatibility) but reported by the ExposeInvalidFormat check.
 */
final class PortSpecs {
    private final Linter lint;
    private final SourceLocation location;

    PortSpecs(Linter lint, SourceLocation location) {
        this.lint = lint;
        this.location = location;
    }

    List<String> parse(List<String> specs) {
        List<String> out = new ArrayList<>();
        for (String spec : specs) {
            out.addAll(parseOne(spec));
        }
        return out;
    }

    private List<String> parseOne(String raw) {
        String[] parts = splitParts(raw);
        String ip = parts[0];
        String hostPort = parts[1];
        int slash = parts[2].indexOf('/');
        String containerPort = slash < 0 ? parts[2] : parts[2].substring(0, slash);
        String proto = slash < 0 ? "" : parts[2].substring(slash + 1);
        if (containerPort.isEmpty()) {
            throw invalid("invalid port: " + GoQuote.quote(raw) + ": no port specified");
        }
        String lowerProto = proto.toLowerCase(Locale.ROOT);
        switch (lowerProto) {
            case "" -> proto = lowerProto = "tcp";
            case "tcp", "udp", "sctp" -> { }
            default -> throw invalid("invalid port: " + GoQuote.quote(raw) + ": invalid proto: " + proto);
        }
        if (!proto.equals(lowerProto)) {
            lint.report(LintRule.EXPOSE_PROTO_CASING, location, raw);
        }
        if (!ip.isEmpty() || !hostPort.isEmpty()) {
            lint.report(LintRule.EXPOSE_INVALID_FORMAT, location, raw);
        }
        checkIp(ip);
        int[] container = range(containerPort, "invalid containerPort: ");
        if (!hostPort.isEmpty()) {
            int[] host = range(hostPort, "invalid hostPort: ");
            if (container[1] - container[0] != host[1] - host[0] && container[1] != container[0]) {
                throw invalid("invalid ranges specified for container and host Ports: " + containerPort
                        + " and " + hostPort);
            }
        }
        List<String> ports = new ArrayList<>();
        for (int p = container[0]; p <= container[1]; p++) {
            ports.add(p + "/" + lowerProto);
        }
        return ports;
    }

    /** {@code [ip, hostPort, containerPort]}: the last two colon-separated fields are the ports. */
    private static String[] splitParts(String raw) {
        String[] parts = raw.split(":", -1);
        return switch (parts.length) {
            case 1 -> new String[] {"", "", parts[0]};
            case 2 -> new String[] {"", parts[0], parts[1]};
            default -> new String[] {
                    String.join(":", List.of(parts).subList(0, parts.length - 2)),
                    parts[parts.length - 2], parts[parts.length - 1]};
        };
    }

    private static void checkIp(String ip) {
        if (ip.isEmpty()) {
            return;
        }
        String bare = ip;
        if (ip.charAt(0) == '[') {
            int close = ip.indexOf(']');
            if (close != ip.length() - 1) {
                throw invalid("invalid IP address " + ip + ": address " + ip + ": missing ']' in address");
            }
            bare = ip.substring(1, close);
        }
        if (!IpLiteral.isValid(bare)) {
            throw invalid("invalid IP address: " + bare);
        }
    }

    private static int[] range(String ports, String errorPrefix) {
        int dash = ports.indexOf('-');
        String start = dash < 0 ? ports : ports.substring(0, dash);
        String end = dash < 0 ? start : ports.substring(dash + 1);
        Integer from = portNumber(start);
        Integer to = end.equals(start) ? from : portNumber(end);
        if (from == null || to == null || to < from) {
            throw invalid(errorPrefix + ports);
        }
        return new int[] {from, to};
    }

    private static Integer portNumber(String s) {
        if (s.isEmpty() || s.length() > 6 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int n = Integer.parseInt(s);
        return n > 65535 ? null : n;
    }

    private static KilnException invalid(String message) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, message);
    }
}
