package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonException;
import dev.kiln.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs a docker credential helper ({@code docker-credential-<name> get}, server URL on stdin, JSON
 * {@code {"Username","Secret"}} on stdout), the only external program the registry client starts.
 */
final class CredentialHelper {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int MAX_OUTPUT = 1 << 20;
    private static final long TIMEOUT_SECONDS = 30;

    private final String program;
    private final List<Path> searchPath;

    CredentialHelper(String name, List<Path> searchPath) {
        if (!NAME.matcher(name).matches()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid credential helper name \"" + name + "\"");
        }
        this.program = "docker-credential-" + name;
        this.searchPath = searchPath;
    }

    Optional<Credentials> get(String serverUrl) {
        Path executable = searchPath.stream().map(dir -> dir.resolve(program))
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> failure(serverUrl, "not found on PATH"));
        Process process;
        try {
            process = new ProcessBuilder(executable.toString(), "get")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw failure(serverUrl, e.getMessage());
        }
        try {
            String output = run(process, serverUrl);
            if (process.exitValue() != 0) {
                if (output.contains("credentials not found")) {
                    return Optional.empty();
                }
                throw failure(serverUrl, "exit status " + process.exitValue() + ": " + firstLine(output));
            }
            return parse(serverUrl, output);
        } finally {
            process.destroyForcibly();
        }
    }

    private String run(Process process, String serverUrl) {
        CompletableFuture<byte[]> out = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (InputStream in = process.getInputStream()) {
                out.complete(in.readNBytes(MAX_OUTPUT));
            } catch (IOException e) {
                out.completeExceptionally(e);
            }
        });
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // A helper that exits without reading stdin reports its own error on stdout.
        }
        try {
            byte[] data = out.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw failure(serverUrl, "did not exit within " + TIMEOUT_SECONDS + "s");
            }
            return new String(data, StandardCharsets.UTF_8);
        } catch (TimeoutException e) {
            throw failure(serverUrl, "did not answer within " + TIMEOUT_SECONDS + "s");
        } catch (ExecutionException e) {
            throw failure(serverUrl, e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KilnException(ErrorKind.CANCELED, "interrupted while running " + program);
        }
    }

    private Optional<Credentials> parse(String serverUrl, String output) {
        try {
            JsonObject json = Json.read(output.getBytes(StandardCharsets.UTF_8)).asObject();
            String user = json.getString("Username", "");
            String secret = json.getString("Secret", "");
            return secret.isEmpty() && user.isEmpty() ? Optional.empty() : Optional.of(new Credentials(user, secret));
        } catch (JsonException e) {
            throw failure(serverUrl, "answered something that is not its JSON: " + e.getMessage());
        }
    }

    private static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private KilnException failure(String serverUrl, String why) {
        return new KilnException(ErrorKind.UNAVAILABLE,
                "credential helper " + program + " failed for " + serverUrl + ": " + why);
    }
}
