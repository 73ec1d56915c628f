package dev.ato.adict;

import dev.ato.AtoConfigException;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversion of values into and out of an {@link ADict}: the one place that knows the value model. */
final class Values {

    private Values() {
    }

    /** Nesting depth of the recursive walks on this thread, checked against {@link Limits#maxDepth()}. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * Enters one level of a recursive walk over a value ({@code operation} names it in the error); every call is
     * paired with {@link #leave()} in a {@code finally}. A value nested deeper than {@link Limits#maxDepth()} is an
     * {@link dev.ato.AtoLimitException}, never a {@link StackOverflowError}.
     */
    static void enter(String operation) {
        int[] depth = DEPTH.get();
        if (++depth[0] > Limits.current().maxDepth()) {
            depth[0]--;
            throw Limits.current().depthExceeded("ADict." + operation, "", "");
        }
    }

    static void leave() {
        DEPTH.get()[0]--;
    }

    /** Converts {@code value} to the ADict value model; maps become ADicts with the given auto flag. */
    static Object normalize(Object value, boolean auto) {
        enter("put()");
        try {
            if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                    || value instanceof Double || value instanceof ADict) {
                return value;
            }
            if (value instanceof Long l) {
                // no ternary here: it would unbox both sides to long
                if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                    return Integer.valueOf(l.intValue());
                }
                return l;
            }
            if (value instanceof Short || value instanceof Byte) {
                return ((Number) value).intValue();
            }
            if (value instanceof Float f) {
                return f.doubleValue();
            }
            if (value instanceof BigInteger b) {
                return b.bitLength() < 64 ? normalize(b.longValue(), auto) : value;
            }
            if (value instanceof BigDecimal d) {
                return d.doubleValue();
            }
            if (value instanceof Character c) {
                return c.toString();
            }
            if (value instanceof Map<?, ?> map) {
                ADict result = auto ? ADict.auto() : new ADict();
                map.forEach((k, v) -> result.entries().put(String.valueOf(k), normalize(v, auto)));
                return result;
            }
            if (value instanceof Collection<?> c) {
                List<Object> result = new ArrayList<>(c.size());
                c.forEach(v -> result.add(normalize(v, auto)));
                return result;
            }
            if (value.getClass().isArray()) {
                int n = Array.getLength(value);
                List<Object> result = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    result.add(normalize(Array.get(value, i), auto));
                }
                return result;
            }
            return value;
        } finally {
            leave();
        }
    }

    static Map<String, Object> stringKeyed(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    static Object freeze(Object value) {
        if (value instanceof ADict d) {
            return d.freeze();
        }
        if (value instanceof List<?> list) {
            List<Object> frozen = new ArrayList<>(list.size());
            enter("freeze()");
            try {
                list.forEach(v -> frozen.add(freeze(v)));
            } finally {
                leave();
            }
            return Collections.unmodifiableList(frozen);
        }
        return value;
    }

    static Object defrost(Object value) {
        if (value instanceof ADict d) {
            return d.defrost();
        }
        if (value instanceof List<?> list) {
            List<Object> thawed = new ArrayList<>(list.size());
            enter("defrost()");
            try {
                list.forEach(v -> thawed.add(defrost(v)));
            } finally {
                leave();
            }
            return thawed;
        }
        return value;
    }

    static Object deepCopy(Object value) {
        if (value instanceof ADict d) {
            return d.copy();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            enter("copy()");
            try {
                list.forEach(v -> copy.add(deepCopy(v)));
            } finally {
                leave();
            }
            return copy;
        }
        return value;
    }

    static Object toPlain(Object value) {
        if (value instanceof ADict d) {
            return d.toMap();
        }
        if (value instanceof List<?> list) {
            List<Object> plain = new ArrayList<>(list.size());
            enter("toMap()");
            try {
                list.forEach(v -> plain.add(toPlain(v)));
            } finally {
                leave();
            }
            return plain;
        }
        return value;
    }

    /** Converts a stored value to {@code type}: numbers widen without loss, nothing is parsed from text. */
    @SuppressWarnings("unchecked")
    static <T> T convert(Object value, Class<T> type, String path) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw mismatch(value, type, path);
            }
            return null;
        }
        Class<?> boxed = box(type);
        if (boxed.isInstance(value)) {
            return (T) value;
        }
        if (value instanceof Number n) {
            boolean integral = value instanceof Integer || value instanceof Long || value instanceof BigInteger;
            if (boxed == Long.class && integral && fitsLong(n)) {
                return (T) Long.valueOf(n.longValue());
            }
            if (boxed == Integer.class && integral && n.longValue() >= Integer.MIN_VALUE
                    && n.longValue() <= Integer.MAX_VALUE && fitsLong(n)) {
                return (T) Integer.valueOf(n.intValue());
            }
            if (boxed == Double.class) {
                return (T) Double.valueOf(n.doubleValue());
            }
            if (boxed == Float.class) {
                return (T) Float.valueOf(n.floatValue());
            }
            if (boxed == Number.class) {
                return (T) n;
            }
        }
        if (boxed == Map.class && value instanceof ADict d) {
            return (T) d.toMap();
        }
        throw mismatch(value, type, path);
    }

    private static boolean fitsLong(Number n) {
        return !(n instanceof BigInteger b) || b.bitLength() < 64;
    }

    private static AtoConfigException mismatch(Object value, Class<?> type, String path) {
        return new AtoConfigException("'" + path + "' is " + describe(value) + ", expected " + type.getSimpleName());
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String shown = String.valueOf(value);
        if (shown.length() > 40) {
            shown = shown.substring(0, 37) + "...";
        }
        String kind = value instanceof ADict ? "a dict" : value instanceof List ? "a list" : "a " + value.getClass().getSimpleName();
        return kind + " (" + (value instanceof String ? "\"" + shown + "\"" : shown) + ")";
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        return type;
    }
}
