package dev.ato.adict;

import dev.ato.AtoKeyException;

/** Splits and joins dotted key paths. */
final class Paths {

    private Paths() {
    }

    static String[] split(String path) {
        if (path == null || path.isEmpty()) {
            throw new AtoKeyException("a key path must not be empty");
        }
        String[] segments = path.split("\\.", -1);
        for (String s : segments) {
            if (s.isEmpty()) {
                throw new AtoKeyException("key path '" + path + "' has an empty segment");
            }
        }
        return segments;
    }

    /** The first {@code count} segments joined with dots. */
    static String join(String[] segments, int count) {
        return String.join(".", java.util.Arrays.copyOfRange(segments, 0, count));
    }
}
