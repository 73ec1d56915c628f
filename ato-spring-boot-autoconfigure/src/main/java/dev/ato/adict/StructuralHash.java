package dev.ato.adict;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python ato's structural hash: the sorted (dotted key, Python type name) pairs of the leaves, concatenated as
 * {@code [key:type]} and hashed with SHA-1. Keys sort by Unicode code point, as Python sorts strings.
 */
final class StructuralHash {

    private StructuralHash() {
    }

    static String of(ADict dict) {
        return sha1(canonical(dict));
    }

    /** The string that is hashed, exposed to the package for tests and diagnostics. */
    static String canonical(ADict dict) {
        Map<String, String> pairs = new LinkedHashMap<>();
        flatten(dict, "", pairs);
        List<String> keys = new ArrayList<>(pairs.keySet());
        keys.sort(StructuralHash::compareCodePoints);
        StringBuilder sb = new StringBuilder(keys.size() * 24);
        for (String key : keys) {
            sb.append('[').append(key).append(':').append(pairs.get(key)).append(']');
        }
        return sb.toString();
    }

    private static void flatten(ADict dict, String prefix, Map<String, String> into) {
        Values.enter("structuralHash()");
        try {
            for (Map.Entry<String, Object> e : dict.entries().entrySet()) {
                String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                if (e.getValue() instanceof ADict child) {
                    flatten(child, key, into);
                } else {
                    into.put(key, pythonTypeName(e.getValue()));
                }
            }
        } finally {
            Values.leave();
        }
    }

    /** The Python type name the original would report for a value of this Java type. */
    static String pythonTypeName(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return "int";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof ADict || value instanceof Map) {
            return "dict";
        }
        return value.getClass().getSimpleName();
    }

    /**
     * Python's string order (by code point). UTF-16 units compare the same way except where a surrogate meets a
     * unit above it, so only the first differing unit needs the code point.
     */
    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                return Character.isSurrogate(ca) || Character.isSurrogate(cb)
                        ? Integer.compare(a.codePointAt(i), b.codePointAt(i)) : Character.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static String sha1(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }
}
