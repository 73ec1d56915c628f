package dev.ato.hydra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Key paths as OmegaConf writes them ({@code a.b[0].c}): parsing, formatting, and the origin of a key. */
final class KeyPaths {

    private KeyPaths() {
    }

    static String format(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(segment);
            }
        }
        return sb.toString();
    }

    /** Splits {@code a.b[0].c} (or {@code a.b.0.c}) into segments; list indexes stay strings until used. */
    static List<Object> parse(String key) {
        List<Object> result = new ArrayList<>();
        if (key.isEmpty()) {
            return result;
        }
        for (String part : key.split("\\.", -1)) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                result.add(part);
                continue;
            }
            if (bracket > 0) {
                result.add(part.substring(0, bracket));
            }
            for (String idx : part.substring(bracket + 1).split("\\]\\[?")) {
                if (!idx.isEmpty()) {
                    result.add(idx);
                }
            }
        }
        return result;
    }

    /** The list index a segment denotes, or -1. */
    static int index(Object segment) {
        if (segment instanceof Integer i) {
            return i;
        }
        String s = String.valueOf(segment);
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(s);
    }

    /** The file or override that last wrote {@code key} or its nearest ancestor, or {@code null}. */
    static String origin(Map<String, String> origins, String key) {
        String k = key;
        while (true) {
            String found = origins.get(k);
            if (found != null || k.isEmpty()) {
                return found;
            }
            int cut = Math.max(k.lastIndexOf('.'), k.lastIndexOf('['));
            k = cut < 0 ? "" : k.substring(0, cut);
        }
    }
}
