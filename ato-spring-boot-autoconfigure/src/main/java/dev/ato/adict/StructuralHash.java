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
        for (Map.Entry<String, Object> e : dict.entries().entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof ADict child) {
                flatten(child, key, into);
            } else {
                into.put(key, pythonTypeName(e.getValue()));
            }
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

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
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
