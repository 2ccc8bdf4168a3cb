package dev.kiln.frontend.dockerfile.instructions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random mutations of Dockerfiles: byte insert/delete/duplicate, line splices between files, and
 * injection of the syntax the parser cares about (escapes, quotes, heredocs, flags, JSON, directives,
 * unusual Unicode, NUL and invalid UTF-8).
 */
final class DockerfileMutator {
    private static final int MAX_SIZE = 256 * 1024;
    private static final List<String> TOKENS = List.of("\\", "\\\n", "`", "`\n", "\"", "'", "\n", "\r\n", " ", "\t",
            "<<EOF", "<<-EOF", "<<'EOF'", "<<\"E\"OF", "3<<EOF", "<< EOF", "\nEOF\n", "\n\tEOF\n", "--", "--mount=",
            "--mount=type=cache,target=/x,sharing=locked", "--mount=type=secret,id=a,env=A", "--mount=type=tmpfs,size=",
            "--from=", "--chmod=", "--link", "--parents", "--exclude=*", "--platform=$X", "--interval=", "--retries=",
            "--network=", "--security=", "--device=", "--keep-git-dir=", "--unpack", "--checksum=", "--x=\"a b\"",
            "[\"a\", \"b\"]", "[", "]", "[\"a\", 1]", "{\"syntax\": \"x\"}", "# syntax=docker/dockerfile:1\n",
            "# escape=`\n", "# escape=\\\n", "# check=skip=all\n", "#!/bin/sh\n", "//syntax=x\n", "${a:-", "${", "}",
            "$a", "=", "ONBUILD ", "FROM ", "RUN ", "COPY ", "ADD ", "ENV ", "ARG ", "LABEL ", "HEALTHCHECK ",
            "CMD ", "SHELL ", "EXPOSE ", "VOLUME ", "WORKDIR ", "USER ", "STOPSIGNAL ", "MAINTAINER ", "NONE", " AS ",
            "é", "\u00a0", "\u0085", "\u2028", "\u200b", "😀", "\uFEFF", "\u0000", "#", "\n#comment\n", "\n\n");
    private static final byte[][] RAW = {{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0x85}};

    private final SplittableRandom random;
    private final List<byte[]> corpus;

    DockerfileMutator(long seed, List<byte[]> corpus) {
        this.random = new SplittableRandom(seed);
        this.corpus = List.copyOf(corpus);
    }

    byte[] next() {
        byte[] data = corpus.get(random.nextInt(corpus.size()));
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            data = mutate(data);
        }
        return data.length > MAX_SIZE ? Arrays.copyOf(data, MAX_SIZE) : data;
    }

    private byte[] mutate(byte[] data) {
        return switch (random.nextInt(9)) {
            case 0 -> insert(data, new byte[] {(byte) random.nextInt(256)});
            case 1 -> delete(data);
            case 2 -> duplicate(data);
            case 3 -> splice(data);
            case 4, 5, 6 -> insert(data, TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8));
            case 7 -> insert(data, RAW[random.nextInt(RAW.length)]);
            default -> repeat(data);
        };
    }

    private byte[] insert(byte[] data, byte[] piece) {
        int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + piece.length);
        out.write(data, 0, at);
        out.writeBytes(piece);
        out.write(data, at, data.length - at);
        return out.toByteArray();
    }

    private byte[] delete(byte[] data) {
        if (data.length == 0) {
            return data;
        }
        int from = random.nextInt(data.length);
        int to = Math.min(data.length, from + 1 + random.nextInt(16));
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        out.write(data, 0, from);
        out.write(data, to, data.length - to);
        return out.toByteArray();
    }

    private byte[] duplicate(byte[] data) {
        if (data.length == 0) {
            return data;
        }
        int from = random.nextInt(data.length);
        int to = Math.min(data.length, from + 1 + random.nextInt(64));
        return insert(data, Arrays.copyOfRange(data, from, to));
    }

    /** Inserts a run of lines taken from another corpus file. */
    private byte[] splice(byte[] data) {
        String other = new String(corpus.get(random.nextInt(corpus.size())), StandardCharsets.ISO_8859_1);
        String[] lines = other.split("\n", -1);
        int from = random.nextInt(lines.length);
        int to = Math.min(lines.length, from + 1 + random.nextInt(4));
        String piece = String.join("\n", Arrays.copyOfRange(lines, from, to)) + "\n";
        return insert(data, piece.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Occasionally repeats a small chunk many times, to probe long lines and deep nesting. */
    private byte[] repeat(byte[] data) {
        String token = TOKENS.get(random.nextInt(TOKENS.size()));
        return insert(data, token.repeat(1 + random.nextInt(500)).getBytes(StandardCharsets.UTF_8));
    }
}
