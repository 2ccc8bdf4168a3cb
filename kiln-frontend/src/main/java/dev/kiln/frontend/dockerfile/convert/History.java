package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.frontend.dockerfile.parser.GoQuote;
import dev.kiln.core.oci.ContainerConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code created_by} texts BuildKit writes into image history (Go {@code fmt} renderings included). */
final class History {
    private History() {
    }

    /** {@code fmt.Sprintf("%v", list)}. */
    static String list(List<String> items) {
        return "[" + String.join(" ", items) + "]";
    }

    /** {@code CMD ["a" "b"]} / {@code ENTRYPOINT [...]}: Go's {@code %q} of the argument slice. */
    static String quoted(String instruction, List<String> args) {
        return instruction + " " + GoQuote.quoteList(args == null ? List.of() : args);
    }

    /** {@code HEALTHCHECK {Test:[...] Interval:1s ...}}: Go's {@code %+v} of the health config. */
    static String healthcheck(ContainerConfig.Healthcheck h) {
        return "HEALTHCHECK {Test:" + list(h.test()) + " Interval:" + GoDuration.format(h.interval())
                + " Timeout:" + GoDuration.format(h.timeout()) + " StartPeriod:" + GoDuration.format(h.startPeriod())
                + " StartInterval:" + GoDuration.format(h.startInterval()) + " Retries:" + h.retries() + "}";
    }

    /**
     * The RUN text: the ARGs in scope with their values ({@code |2 a=1 b=2}, each name once, at its first
     * position with its latest value) before the command.
     */
    static String run(List<String> args, List<ArgBinding> buildArgs, EnvList env) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ArgBinding a : buildArgs) {
            values.put(a.key(), env.get(a.key()).orElse(a.valueOrEmpty()));
        }
        List<String> parts = new ArrayList<>();
        if (!values.isEmpty()) {
            parts.add("|" + values.size());
            values.forEach((k, v) -> parts.add(k + "=" + v));
        }
        parts.addAll(args);
        return "RUN " + String.join(" ", parts);
    }
}
