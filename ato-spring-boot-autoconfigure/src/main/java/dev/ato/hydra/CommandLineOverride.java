package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

/**
 * One parsed command-line override: {@code key=value}, {@code +key=value}, {@code ++key=value}, {@code ~key[=value]}.
 * {@code keyOrGroup} is the part before {@code @}; {@code packageText} the part after it (or {@code null}).
 * {@code value} is plain Java (String, Boolean, Integer, Long, Double, List, Map, null); {@code hasValue} is false
 * only for {@code ~key}.
 */
record CommandLineOverride(Type type, String keyOrGroup, @Nullable String packageText, boolean hasValue, @Nullable Object value, String input) {

    enum Type { CHANGE, ADD, FORCE_ADD, DELETE }

    /** The key as written, {@code group@package} included. */
    String key() {
        return packageText == null ? keyOrGroup : keyOrGroup + "@" + packageText;
    }
}
