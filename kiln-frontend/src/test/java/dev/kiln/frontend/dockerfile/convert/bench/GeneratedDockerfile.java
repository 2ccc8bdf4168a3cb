package dev.kiln.frontend.dockerfile.convert.bench;

/**
 * A large realistic Dockerfile: stages of 50 instructions (ARG, ENV, WORKDIR, COPY, RUN with mounts, COPY
 * --from the previous stage, LABEL, EXPOSE), each stage built on the one before.
 */
public final class GeneratedDockerfile {
    private static final int PER_STAGE = 50;

    private GeneratedDockerfile() {
    }

    public static String of(int instructions) {
        StringBuilder b = new StringBuilder("# syntax=docker/dockerfile:1\nARG VERSION=1\nARG BASE=busybox\n");
        int written = 2;
        int stage = 0;
        while (written < instructions) {
            b.append(stage == 0 ? "FROM ${BASE}:latest AS s0\n" : "FROM s" + (stage - 1) + " AS s" + stage + "\n");
            written++;
            for (int i = 1; i < PER_STAGE && written < instructions; i++, written++) {
                b.append(instruction(stage, i));
            }
            stage++;
        }
        return b.toString();
    }

    private static String instruction(int stage, int i) {
        return switch (i % 10) {
            case 0 -> "ARG VERSION\n";
            case 1 -> "ENV APP_HOME=/srv/app" + stage + " STEP_" + i + "=\"value $VERSION\"\n";
            case 2 -> "WORKDIR $APP_HOME/dir" + i + "\n";
            case 3 -> "COPY --chown=1000:1000 src/module" + i + "/ ./module" + i + "/\n";
            case 4 -> "RUN --mount=type=cache,target=/root/.cache/" + i + " make -C module" + i + " VERSION=$VERSION\n";
            case 5 -> "LABEL org.example.step" + i + "=\"stage " + stage + "\"\n";
            case 6 -> stage == 0 ? "COPY files/f" + i + " /opt/\n" : "COPY --from=s" + (stage - 1) + " /opt /opt" + i + "\n";
            case 7 -> "RUN <<EOF\nset -e\necho step " + i + "\nEOF\n";
            case 8 -> "EXPOSE " + (8000 + i) + "/tcp\n";
            default -> "RUN [\"sh\", \"-c\", \"echo " + i + " > /tmp/out" + i + "\"]\n";
        };
    }
}
