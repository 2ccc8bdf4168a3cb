package dev.kiln.core.json;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A number, kept as its literal so that no precision is lost before the reader decides what it needs. The literal
 * is valid JSON number syntax (the parser checks it).
 */
public record JsonNumber(String literal) implements JsonValue {
    public JsonNumber {
        Objects.requireNonNull(literal);
    }

    @Override
    public String kind() {
        return "a number";
    }

    /** True when the literal has neither fraction nor exponent. */
    public boolean isIntegral() {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }

    @Override
    public long asLong() {
        if (!isIntegral()) {
            throw JsonException.of("expected an integer, got " + literal);
        }
        try {
            return Long.parseLong(literal);
        } catch (NumberFormatException e) {
            throw outOfRange("a 64-bit integer");
        }
    }

    @Override
    public int asInt() {
        long n = asLong();
        if (n != (int) n) {
            throw outOfRange("a 32-bit integer");
        }
        return (int) n;
    }

    @Override
    public double asDouble() {
        return Double.parseDouble(literal);
    }

    @Override
    public Object toPlain() {
        if (!isIntegral()) {
            return asDouble();
        }
        BigInteger n = new BigInteger(literal);
        if (n.bitLength() < Integer.SIZE) {
            return n.intValue();
        }
        return n.bitLength() < Long.SIZE ? (Object) n.longValue() : n;
    }

    private JsonException outOfRange(String range) {
        return JsonException.of("number " + literal + " is out of range for " + range);
    }
}
