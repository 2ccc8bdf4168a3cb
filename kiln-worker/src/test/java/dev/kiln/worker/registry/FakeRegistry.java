package dev.kiln.worker.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A scriptable registry on {@code com.sun.net.httpserver} for behaviour the real one cannot be made to show
 * (token servers, failures, hostile answers). Every request is recorded; a {@link Handler} decides the answer.
 */
final class FakeRegistry implements AutoCloseable {
    record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().getFirst()).orElse(null);
        }

        String target() {
            return query == null ? path : path + "?" + query;
        }
    }

    /**
     * An answer. {@code truncateTo} >= 0 declares the full length but sends only that many bytes, then goes silent
     * for {@code hangMillis} and drops the connection, like a server dying mid-transfer.
     */
    record Response(int status, Map<String, String> headers, byte[] body, int truncateTo, long hangMillis) {
        static Response of(int status, Map<String, String> headers, byte[] body) {
            return new Response(status, headers, body, -1, 0);
        }

        Response truncated(int sent, long hangMillis) {
            return new Response(status, headers, body, sent, hangMillis);
        }

        static Response json(int status, String json, String... headerPairs) {
            Map<String, String> h = new java.util.HashMap<>(Map.of("Content-Type", "application/json"));
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                h.put(headerPairs[i], headerPairs[i + 1]);
            }
            return of(status, h, json.getBytes(StandardCharsets.UTF_8));
        }

        static Response status(int status, String... headerPairs) {
            return json(status, "", headerPairs);
        }
    }

    @FunctionalInterface
    interface Handler {
        Response handle(Request request) throws IOException;
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeRegistry(Handler handler) throws IOException {
        this(handler, null);
    }

    /** Serves HTTPS when {@code tls} is given. */
    FakeRegistry(Handler handler, SSLContext tls) throws IOException {
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        if (tls == null) {
            server = HttpServer.create(any, 0);
        } else {
            HttpsServer https = HttpsServer.create(any, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> serve(handler, exchange));
        server.start();
    }

    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    private void serve(Handler handler, HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        Response response = handler.handle(request);
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        boolean noBody = request.method().equals("HEAD") || response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (noBody) {
            exchange.close();
            return;
        }
        try (OutputStream out = exchange.getResponseBody()) {
            if (response.truncateTo() >= 0) {
                out.write(response.body(), 0, response.truncateTo());
                out.flush();
                sleep(response.hangMillis());
                throw new IOException("dropping the connection on purpose");
            }
            out.write(response.body());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
