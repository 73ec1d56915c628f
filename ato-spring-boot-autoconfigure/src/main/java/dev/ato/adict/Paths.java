package dev.ato.adict;

import dev.ato.AtoKeyException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Splits and joins dotted key paths. */
final class Paths {

    /**
     * Dotted paths already split. Views write the same constant key strings on every resolution (HyperBand resolves
     * thousands of times), so a path is split once and its segments are the same String objects every time: no
     * allocation, and map lookups find their cached hash codes and match by identity. Bounded: once full, further
     * paths are split on every call.
     */
    private static final int MAX_MEMOIZED = 1 << 14;
    private static final Map<String, String[]> SPLIT = new ConcurrentHashMap<>();

    private Paths() {
    }

    /** Whether {@code path} is a single, valid segment: the common case, handled without splitting. */
    static boolean isSimple(String path) {
        return path != null && !path.isEmpty() && path.indexOf('.') < 0;
    }

    /** The segments of {@code path}, shared between calls: callers must not change the array. */
    static String[] split(String path) {
        String[] segments = path == null ? null : SPLIT.get(path);
        if (segments == null) {
            segments = splitNew(path);
            if (segments.length > 1 && SPLIT.size() < MAX_MEMOIZED) {
                SPLIT.putIfAbsent(path, segments);
            }
        }
        return segments;
    }

    /** Splits by hand, because {@code String.split} allocates a list and sublists per call. */
    private static String[] splitNew(String path) {
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
