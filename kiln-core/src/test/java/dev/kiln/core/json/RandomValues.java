package dev.kiln.core.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Seeded random field values for differential JSON tests: strings that hit every escaping rule (control characters,
 * quotes, non-ASCII, astral and lone surrogates, long runs that cross a writer's buffer), numbers at their limits,
 * and null or empty collections often, since those are what NON_EMPTY inclusion decides about.
 */
public final class RandomValues {
    private static final String[] SPECIALS = {"\"", "\\", "/", "</", "\u2028", "\u2029", "\u007f", "\u0080", "\u009f",
            "é", "€", "\uD83D\uDE00", "\uD800", "\uDC00", "\t", "\n", "\r", "\b", "\f", "\u0000", "\u001f", "\ufeff",
            "\uffff", " ", ":", "{", "}", "[", "]", ",", "\\u0041", "null", "true", "0", "-1", "1e5"};
    private static final long[] LONGS = {0, 1, -1, 2, 127, 128, 255, 256, 1 << 16, Integer.MAX_VALUE,
            Integer.MIN_VALUE, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000_000_000L, -9_007_199_254_740_993L};

    private final Random random;

    public RandomValues(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Null in about one case of six, else {@code value}'s result. */
    public <T> T nullable(Supplier<T> value) {
        return chance(16) ? null : value.get();
    }

    /** A string that may be null or empty. */
    public String string() {
        return chance(15) ? null : nonNullString();
    }

    public String nonNullString() {
        int kind = random.nextInt(12);
        if (kind == 0) {
            return "";
        }
        int length = kind == 1 ? 4000 + random.nextInt(9000) : 1 + random.nextInt(14);
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            int what = random.nextInt(10);
            if (what < 6) {
                s.append((char) (0x20 + random.nextInt(0x5f)));
            } else if (what < 8) {
                s.append(SPECIALS[random.nextInt(SPECIALS.length)]);
            } else if (what < 9) {
                s.append((char) random.nextInt(0x10000));
            } else {
                s.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
            }
        }
        return s.toString();
    }

    /** A string without lone surrogates: what a value read from UTF-8 can hold. */
    public String wellFormedString() {
        String s = string();
        return s == null ? null : s.replaceAll("\\p{Cs}", "\uFFFD");
    }

    public long anyLong() {
        return switch (random.nextInt(3)) {
            case 0 -> LONGS[random.nextInt(LONGS.length)];
            case 1 -> random.nextInt(1000) - 100;
            default -> random.nextLong();
        };
    }

    public int anyInt() {
        return random.nextBoolean() ? (int) anyLong() : random.nextInt(2000) - 1000;
    }

    public Integer boxedInt() {
        return chance(30) ? null : anyInt();
    }

    public Long boxedLong() {
        return chance(30) ? null : anyLong();
    }

    /** A list that is null, empty or up to a few elements long. */
    public <T> List<T> list(Supplier<T> element) {
        int kind = random.nextInt(6);
        if (kind == 0) {
            return null;
        }
        int size = kind == 1 ? 0 : 1 + random.nextInt(4);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    /** Like {@link #list} but never null, for records that copy their lists. */
    public <T> List<T> nonNullList(Supplier<T> element) {
        List<T> list = list(element);
        return list == null ? List.of() : list;
    }

    public List<String> strings() {
        return list(this::nonNullString);
    }

    /** A map in random insertion order, so that writers must sort it. */
    public <T> Map<String, T> map(Supplier<T> value) {
        int kind = random.nextInt(6);
        if (kind == 0) {
            return null;
        }
        int size = kind == 1 ? 0 : 1 + random.nextInt(5);
        Map<String, T> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(nonNullString(), value.get());
        }
        return map;
    }

    public Map<String, String> stringMap() {
        return map(this::nonNullString);
    }

    public Map<String, String> nonNullStringMap() {
        Map<String, String> map = stringMap();
        return map == null ? Map.of() : map;
    }

    public byte[] bytes() {
        if (chance(15)) {
            return chance(50) ? null : new byte[0];
        }
        byte[] data = new byte[random.nextInt(chance(10) ? 5000 : 20)];
        random.nextBytes(data);
        return data;
    }

    /**
     * A value of the shapes Jackson reads into {@code Object}: maps, lists, strings, Integer/Long/BigInteger, Double,
     * Boolean and null.
     */
    public Object untyped(int depth) {
        int kind = random.nextInt(depth <= 0 ? 6 : 8);
        return switch (kind) {
            case 0 -> null;
            case 1 -> nonNullString();
            case 2 -> random.nextBoolean();
            case 3 -> integerLike();
            case 4 -> chance(10) ? (Object) Double.POSITIVE_INFINITY : random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 5 -> Map.of();
            case 6 -> nonNullList(() -> untyped(depth - 1));
            default -> {
                Map<String, Object> m = map(() -> untyped(depth - 1));
                yield m == null ? new LinkedHashMap<>() : m;
            }
        };
    }

    private Number integerLike() {
        long n = anyLong();
        return switch (random.nextInt(3)) {
            case 0 -> (int) n;
            case 1 -> n;
            default -> BigInteger.valueOf(n).multiply(BigInteger.TEN.pow(random.nextInt(25)));
        };
    }
}
