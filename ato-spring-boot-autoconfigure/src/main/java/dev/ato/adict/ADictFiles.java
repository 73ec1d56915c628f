package dev.ato.adict;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * The file side of {@link ADict}, looked up once with {@link java.util.ServiceLoader}: {@code dev.ato.adict} uses
 * only the JDK, so the formats (Jackson, XYZ) live in {@code dev.ato.format}, which implements this interface.
 * Users call the static and instance methods of {@link ADict}; only a format implementation implements this.
 */
public interface ADictFiles {

    /** Reads {@code file}, the format chosen by its extension. */
    ADict load(Path file);

    /** Writes {@code dict} to {@code file}, the format chosen by its extension. */
    void dump(ADict dict, Path file);

    /** Reads an OpenMMLab-style config with {@code _base_} / {@code _delete_} inheritance. */
    ADict loadMmConfig(Path file);

    /** {@link #loadMmConfig(Path)} with {@code _base_} files allowed anywhere under {@code root}. */
    ADict loadMmConfig(Path file, Path root);

    /** Python ato's {@code compose_hierarchy}; see {@link ADict#composeHierarchy}. */
    ADict composeHierarchy(Path root, String configFilename, Map<String, ?> select, Map<String, ?> overrides,
            Collection<String> required, OnMissing onMissing);

    /** Binds {@code dict} to a record or bean of {@code type}. */
    <T> T bind(ADict dict, Class<T> type);

    /** The XYZ text of {@code dict}: what {@link ADict#toString()} shows. */
    String toXyz(ADict dict);
}
