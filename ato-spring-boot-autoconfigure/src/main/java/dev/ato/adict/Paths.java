package dev.ato.adict;

import dev.ato.AtoKeyException;

/** Splits and joins dotted key paths. */
final class Paths {

    private Paths() {
    }

    /** Whether {@code path} is a single, valid segment: the common case, handled without splitting. */
    static boolean isSimple(String path) {
        return path != null && !path.isEmpty() && path.indexOf('.') < 0;
    }

    /** The segments of {@code path}; by hand, because {@code String.split} allocates a list and sublists per call. */
    static String[] split(String path) {
        if (path == null || path.isEmpty()) {
            throw new AtoKeyException("a key path must not be empty");
        }
        int dots = 0;
        for (int i = path.indexOf('.'); i >= 0; i = path.indexOf('.', i + 1)) {
            dots++;
        }
        if (dots == 0) {
            return new String[] {path};
        }
        String[] segments = new String[dots + 1];
        int start = 0;
        for (int n = 0; n <= dots; n++) {
            int end = n == dots ? path.length() : path.indexOf('.', start);
            if (end == start) {
                throw new AtoKeyException("key path '" + path + "' has an empty segment");
            }
            segments[n] = path.substring(start, end);
            start = end + 1;
        }
        return segments;
    }

    /** The first {@code count} segments joined with dots. */
    static String join(String[] segments, int count) {
        return String.join(".", java.util.Arrays.copyOfRange(segments, 0, count));
    }
}
