package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import javax.net.ssl.SSLException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** Builds the one-line errors a user sees for registry failures. */
final class Failures {
    private Failures() {
    }

    /**
     * The error for an unexpected status while working on {@code subject} (an image or blob name). Consumes the
     * body. 404 is NOT_FOUND, 401/403 PERMISSION_DENIED, 429 and 5xx are transient (retried), others fail.
     */
    static KilnException forStatus(String subject, Endpoint ep, HttpResponse<InputStream> response) {
        int code = response.statusCode();
        String said = Responses.errorMessage(response);
        String detail = said.isEmpty() ? "" : ": " + said;
        return switch (code) {
            case 404 -> new KilnException(ErrorKind.NOT_FOUND, subject + ": not found" + detail);
            case 401, 403 -> new KilnException(ErrorKind.PERMISSION_DENIED,
                    "registry " + ep.host() + " denied access to " + subject + ": " + Responses.status(code) + detail);
            default -> code == 429 || code >= 500
                    ? new TransientRegistryException(subject + ": registry " + ep.host() + " answered "
                    + Responses.status(code) + detail, null)
                    : new KilnException(ErrorKind.FAILED_PRECONDITION, subject + ": registry " + ep.host()
                    + " answered " + Responses.status(code) + detail);
        };
    }

    /** An I/O failure talking to {@code ep}: unreachable hosts fail at once, dropped connections are retried. */
    static KilnException forIo(Endpoint ep, String method, java.net.URI uri, Exception e) {
        String where = "registry " + ep.host() + " (" + method + " " + uri + ")";
        if (isUnreachable(e)) {
            return new KilnException(ErrorKind.UNAVAILABLE, where + " is unreachable: " + describe(e), e);
        }
        if (e instanceof SSLException) {
            return new KilnException(ErrorKind.UNAVAILABLE, where + ": TLS failed: " + describe(e)
                    + " (configure the registry's ca, or insecure/http, in the registry host config)", e);
        }
        return new TransientRegistryException(where + ": " + describe(e), e);
    }

    static boolean isUnreachable(Throwable e) {
        return e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                || hasCause(e, UnresolvedAddressException.class);
    }

    /** The most specific readable cause: Java's network exceptions often carry no message of their own. */
    static String describe(Throwable e) {
        if (hasCause(e, UnresolvedAddressException.class)) {
            return "unknown host";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "request timed out";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return Responses.printable(t.getMessage());
            }
        }
        return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
