package dev.kiln.worker.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235): {@code Bearer realm="…",service="…",scope="…"}
 * or {@code Basic realm="…"}. The scheme is lower-cased; parameter names too.
 */
record AuthChallenge(String scheme, Map<String, String> params) {

    String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** Parses every challenge in the given header values; malformed trailing text is ignored. */
    static List<AuthChallenge> parse(List<String> headerValues) {
        List<AuthChallenge> out = new ArrayList<>();
        for (String value : headerValues) {
            new Parser(value).challenges(out);
        }
        return out;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void challenges(List<AuthChallenge> out) {
            String scheme = token();
            while (!scheme.isEmpty()) {
                Map<String, String> params = new LinkedHashMap<>();
                String next = params(params);
                out.add(new AuthChallenge(scheme.toLowerCase(Locale.ROOT), Map.copyOf(params)));
                scheme = next;
            }
        }

        /** Reads {@code k=v} pairs; returns the scheme of the following challenge, or "" at the end. */
        private String params(Map<String, String> params) {
            while (true) {
                skip(" ,");
                String name = token();
                if (name.isEmpty()) {
                    return "";
                }
                skip(" ");
                if (pos >= s.length() || s.charAt(pos) != '=') {
                    return name;
                }
                pos++;
                skip(" ");
                params.put(name.toLowerCase(Locale.ROOT), pos < s.length() && s.charAt(pos) == '"' ? quoted() : token());
            }
        }

        private String token() {
            skip(" ");
            int start = pos;
            while (pos < s.length() && isTokenChar(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private String quoted() {
            StringBuilder b = new StringBuilder();
            pos++;
            while (pos < s.length() && s.charAt(pos) != '"') {
                char c = s.charAt(pos++);
                if (c == '\\' && pos < s.length()) {
                    c = s.charAt(pos++);
                }
                b.append(c);
            }
            pos = Math.min(pos + 1, s.length()); // past the closing quote, if there is one
            return b.toString();
        }

        private void skip(String chars) {
            while (pos < s.length() && chars.indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private static boolean isTokenChar(char c) {
            return c > ' ' && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0 || c == '/' || c == ':';
        }
    }
}
