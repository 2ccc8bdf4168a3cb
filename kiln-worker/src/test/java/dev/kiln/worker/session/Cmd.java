package dev.kiln.worker.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real command line tool (ssh-keygen, ssh-add) with extra environment and captures its output. */
record Cmd(int exit, String out, String err) {
    static Cmd run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command));
        pb.environment().remove("SSH_AUTH_SOCK");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " timed out");
        }
        return new Cmd(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    static Cmd ok(Map<String, String> env, String... command) throws IOException, InterruptedException {
        Cmd c = run(env, command);
        if (c.exit != 0) {
            throw new IOException(String.join(" ", command) + " exited " + c.exit + ": " + c.err + c.out);
        }
        return c;
    }
}
