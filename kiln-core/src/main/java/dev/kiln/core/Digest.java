package dev.kiln.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** A content digest in OCI form ({@code sha256:<64 lowercase hex>}). Only sha256 is produced; sha512 is accepted. */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {
    private static volatile Supplier<MessageDigest> sha256Factory = Digest::jdkSha256;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA512 = Pattern.compile("[0-9a-f]{128}");

    public Digest {
        boolean ok = switch (algorithm) {
            case "sha256" -> SHA256.matcher(hex).matches();
            case "sha512" -> SHA512.matcher(hex).matches();
            default -> false;
        };
        if (!ok) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid digest: " + algorithm + ":" + hex);
        }
    }

    public static Digest parse(String s) {
        int colon = s == null ? -1 : s.indexOf(':');
        if (colon <= 0) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid digest: " + s);
        }
        return new Digest(s.substring(0, colon), s.substring(colon + 1));
    }

    public static Digest sha256(byte[] data) {
        MessageDigest md = newSha256();
        return new Digest("sha256", HexFormat.of().formatHex(md.digest(data)));
    }

    public static Digest sha256(String utf8) {
        return sha256(utf8.getBytes(StandardCharsets.UTF_8));
    }

    public static Digest sha256(InputStream in) throws IOException {
        MessageDigest md = newSha256();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return fromSha256(md);
    }

    public static Digest fromSha256(MessageDigest finished) {
        return new Digest("sha256", HexFormat.of().formatHex(finished.digest()));
    }

    public static MessageDigest newSha256() {
        return sha256Factory.get();
    }

    /**
     * Makes {@code factory} the source of every SHA-256 digest this class computes (the worker plugs in a native one).
     * A plain hook rather than a security provider: looking a provider up by name loads every installed provider.
     */
    public static void useSha256(Supplier<MessageDigest> factory) {
        sha256Factory = factory;
    }

    private static MessageDigest jdkSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first 12 hex characters, as docker shows image ids. */
    public String shortHex() {
        return hex.substring(0, 12);
    }

    @Override
    public int compareTo(Digest o) {
        return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
