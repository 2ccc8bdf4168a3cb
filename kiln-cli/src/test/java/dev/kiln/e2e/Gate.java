package dev.kiln.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that a RUN step fetches from (RUN uses the host's network by default): the first
 * request is held until {@link #release}, so the step is provably running for as long as a test needs;
 * every request is answered with its number ({@code run-1}, {@code run-2}, ...), so the image shows which
 * execution of the step it came from.
 */
final class Gate implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);

    Gate() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
    }

    /** The URL for RUN steps to fetch. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/gate";
    }

    int requests() {
        return requests.get();
    }

    void release() {
        released.countDown();
    }

    private void answer(HttpExchange exchange) throws IOException {
        int n = requests.incrementAndGet();
        try (exchange) {
            if (n == 1) {
                released.await(60, TimeUnit.SECONDS);
            }
            byte[] body = ("run-" + n + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
