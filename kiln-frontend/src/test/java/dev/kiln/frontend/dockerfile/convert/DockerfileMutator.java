package dev.kiln.frontend.dockerfile.convert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Mutates Dockerfile text with character, line and token edits chosen to reach the converter's corners. */
final class DockerfileMutator {
    private static final String ALPHABET = "$ {}\\\"'<>=-:/\n\t#[],*?`.@!+0123456789aAzZ_%~";
    private static final String[] TOKENS = {
            "${", "}", "$X", "${A:-b}", "${A:?err}", "<<EOF\n", "EOF\n", "<<-'EOF'\n", "\\\n", "\n", " ", "=",
            "--mount=type=cache,target=/x ", "--mount=type=bind,from=0,target=/m ", "--mount=type=secret,id=s,env=S ",
            "--mount=type=ssh ", "--mount=type=tmpfs,target=/t,size=1k ", "--from=0 ", "--from=build ", "--from=1 ",
            "--chmod=u+x ", "--chmod=0755 ", "--chown=a:b ", "--link ", "--parents ", "--exclude=*.md ",
            "--platform=linux/arm64 ", "--platform=$TARGETPLATFORM ", "--network=none ", "--security=insecure ",
            "--interval=1s ", "FROM scratch\n", "FROM busybox AS build\n", "FROM build\n", "ARG A=1\n", "ARG B\n",
            "ENV K=v\n", "ENV K v\n", "COPY . /\n", "COPY --from=build /a /b\n", "ADD x.tar /\n", "WORKDIR rel\n",
            "RUN true\n", "ONBUILD RUN x\n", "ONBUILD COPY --from=0 a b\n", "USER u:g\n", "EXPOSE 80/tcp 1-3\n",
            "HEALTHCHECK NONE\n", "STOPSIGNAL 9\n", "VOLUME [\"/v\"]\n", "SHELL [\"sh\",\"-c\"]\n", "CMD [\"a\"]\n",
            "ENTRYPOINT x\n", "LABEL a=b\n", "MAINTAINER m\n", "# check=skip=all;error=true\n", "# escape=`\n",
            "AS ", "as ", "scratch", "0", "-1", "99", "\u00e9", "\u0000", "\r\n"};

    private final Random random;

    DockerfileMutator(long seed) {
        this.random = new Random(seed);
    }

    String mutate(String seed) {
        String text = seed;
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            text = edit(text);
        }
        return text;
    }

    private String edit(String text) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        return switch (random.nextInt(7)) {
            case 0 -> text.isEmpty() ? text : text.substring(0, Math.min(at, text.length() - 1))
                    + text.substring(Math.min(at, text.length() - 1) + 1);
            case 1 -> text.substring(0, at) + ALPHABET.charAt(random.nextInt(ALPHABET.length())) + text.substring(at);
            case 2 -> text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at);
            default -> lineEdit(text);
        };
    }

    private String lineEdit(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int i = random.nextInt(lines.size());
        int j = random.nextInt(lines.size());
        switch (random.nextInt(4)) {
            case 0 -> lines.add(j, lines.get(i));
            case 1 -> lines.remove(i);
            case 2 -> {
                String tmp = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, tmp);
            }
            default -> lines.set(i, lines.get(i).toLowerCase());
        }
        return String.join("\n", lines);
    }
}
