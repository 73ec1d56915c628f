package dev.ato.format;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.toml.TomlMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one owner of Jackson mapper configurations: one named configuration per purpose, each built on first use
 * (a holder class per purpose), so a command that loads a class using one mapper but never calls it pays nothing.
 * Reading config text is not here: {@link TreeReader} owns that, with its own token-stream factories and limits.
 * {@code PackageArrowsTest.onlyMappersBuildJacksonMappers} keeps every other class from building a mapper.
 *
 * <p>Mappers are immutable and thread-safe once built; callers share them and must not reconfigure them.
 */
public final class Mappers {

    private Mappers() {
    }

    /**
     * Config trees as compact JSON, written and read back as maps (the config columns of the search tables). No
     * non-standard tokens: the text is plain JSON any reader accepts.
     */
    public static JsonMapper configJson() {
        return ConfigJson.MAPPER;
    }

    /**
     * JSON in the dialect Python's {@code json} module writes: reads {@code NaN}, {@code Infinity} and
     * {@code -Infinity} (the tracker's JSON columns and artifact metadata, written by Ato or Python ato). Writing
     * that dialect is the tracker's {@code PythonJson}: it needs Python's separators and float text, which no
     * mapper setting gives.
     */
    public static JsonMapper pythonJson() {
        return PythonJson.MAPPER;
    }

    /**
     * Canonical JSON for fingerprints: map entries and bean properties sorted by key, so equal values give equal
     * text whatever their insertion order. Changing it changes every stored runtime fingerprint.
     */
    public static JsonMapper canonicalJson() {
        return Canonical.MAPPER;
    }

    /** The dashboard's HTTP API: its response bodies, Jackson's defaults (the browser code reads them). */
    public static JsonMapper dashboardApi() {
        return DashboardApi.MAPPER;
    }

    /**
     * Binding a config tree to a record or bean ({@code ADict.bind}): scalars are never coerced from text, unknown
     * keys are ignored, and a missing or null primitive is an error.
     */
    static JsonMapper binding() {
        return Binding.MAPPER;
    }

    /** The writer of config files in {@code format} (JSON indented, YAML, TOML); XYZ has none. */
    static ObjectMapper configFile(FileFormat format) {
        return switch (format) {
            case JSON -> JsonFile.MAPPER;
            case YAML -> YamlFile.MAPPER;
            case TOML -> TomlFile.MAPPER;
            case XYZ -> throw new IllegalArgumentException("XYZ is written by Xyz, not by a Jackson mapper");
        };
    }

    // One holder per purpose: the JVM builds a mapper when its holder is first used, once, thread-safely.

    private static final class ConfigJson {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    private static final class PythonJson {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
    }

    private static final class Canonical {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .build();
    }

    private static final class DashboardApi {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    private static final class Binding {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    private static final class JsonFile {
        static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    private static final class YamlFile {
        static final YAMLMapper MAPPER = YAMLMapper.builder().build();
    }

    private static final class TomlFile {
        static final TomlMapper MAPPER = TomlMapper.builder().build();
    }
}
