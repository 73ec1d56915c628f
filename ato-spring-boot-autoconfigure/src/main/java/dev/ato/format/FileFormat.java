package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.AtoLimitException;
import dev.ato.adict.ADict;
import dev.ato.adict.Limits;
import tools.jackson.core.JacksonException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The config file formats, chosen by file extension: JSON, YAML (1.2 core schema), TOML through Jackson, and
 * Python ato's XYZ. Text is read by {@link TreeReader} (JSON, YAML, TOML) or {@link Xyz}, within the
 * {@link Limits}; the {@link Mappers#configFile} mappers write. Reading and writing text is symmetric: {@code read(write(d))} gives {@code d} back for every
 * format but XYZ, which is unquoted (see {@link Xyz}).
 */
public enum FileFormat {
    JSON(List.of(".json")),
    YAML(List.of(".yaml", ".yml")),
    TOML(List.of(".toml")),
    XYZ(List.of(".xyz"));

    private final List<String> extensions;

    FileFormat(List<String> extensions) {
        this.extensions = extensions;
    }

    /** The extensions of this format, with their dot, the preferred one first. */
    public List<String> extensions() {
        return extensions;
    }

    /** The format of {@code file} by its extension; an unknown extension is an {@link AtoConfigException}. */
    public static FileFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FileFormat format : values()) {
            for (String ext : format.extensions) {
                if (name.endsWith(ext)) {
                    return format;
                }
            }
        }
        throw new AtoConfigException(file + ": unknown config file extension; expected one of"
                + " .json .yaml .yml .toml .xyz");
    }

    /**
     * Parses {@code text} into an ADict; {@code source} (a file name) is used in error messages. The top level must
     * be a mapping.
     */
    public ADict read(String text, String source) {
        Limits.current().checkDocumentSize(text.length(), source);
        Object value;
        if (this == XYZ) {
            try {
                value = Xyz.loadFile(text, source);
            } catch (AtoLimitException e) {
                throw e;
            } catch (AtoConfigException e) {
                throw new AtoConfigException(source + ": " + e.getMessage(), e);
            }
        } else {
            value = TreeReader.read(this, text, source);
        }
        if (!(value instanceof Map<?, ?> || value instanceof ADict)) {
            throw new AtoConfigException(source + ": expected a mapping of keys to values at the top level, found "
                    + (value == null ? "nothing" : value instanceof List ? "a list" : "a " + value.getClass().getSimpleName()));
        }
        return value instanceof ADict d ? d : ADict.of(stringKeyed((Map<?, ?>) value));
    }

    /** The text of {@code dict} in this format. */
    public String write(ADict dict) {
        if (this == XYZ) {
            return Xyz.dumps(dict);
        }
        Map<String, Object> plain = dict.toMap();
        if (this == TOML) {
            String nullKey = firstNull(plain, "");
            if (nullKey != null) {
                throw new AtoConfigException("cannot write the config as TOML: '" + nullKey
                        + "' is null and TOML has no null; remove the key or write JSON, YAML or XYZ");
            }
        }
        try {
            return Mappers.configFile(this).writeValueAsString(plain);
        } catch (JacksonException e) {
            throw new AtoConfigException("cannot write the config as " + name() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String firstNull(Object value, String path) {
        if (value == null) {
            return path;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String found = firstNull(e.getValue(), path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String found = firstNull(list.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Reads {@code file} whole; a missing or unreadable file is an {@link AtoConfigException} naming it. */
    static ADict readFile(Path file) {
        FileFormat format = of(file);
        return format.read(readText(file), file.toString());
    }

    static String readText(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AtoConfigException(file + ": " + notAFile(file));
        }
        try {
            Limits.current().checkDocumentSize(Files.size(file), file.toString());
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AtoConfigException(file + ": cannot be read as UTF-8 text (" + e + ")", e);
        }
    }

    /** Why {@code file} cannot be read as a config: each kind of non-file gets its own words. */
    private static String notAFile(Path file) {
        if (Files.isDirectory(file)) {
            return "is a directory, not a config file; name a file in it";
        }
        if (Files.isSymbolicLink(file)) {
            try {
                file.toRealPath();
            } catch (java.nio.file.FileSystemLoopException e) {
                return "is a symbolic link loop; point the link at a file";
            } catch (IOException e) {
                String reason = String.valueOf(e.getMessage());
                return reason.contains("symbolic links") ? "is a symbolic link loop; point the link at a file"
                        : "is a symbolic link to a missing file (" + readLink(file) + ")";
            }
        }
        if (Files.exists(file)) {
            return "is not a regular file (a FIFO, device or socket); a config must be a file";
        }
        return "no such config file";
    }

    private static String readLink(Path link) {
        try {
            return String.valueOf(Files.readSymbolicLink(link));
        } catch (IOException e) {
            return "unreadable link";
        }
    }

    /** Writes the whole text first, so a config that cannot be written leaves the file untouched. */
    static void writeFile(ADict dict, Path file) {
        String text = of(file).write(dict);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AtoConfigException(file + ": cannot be written (" + e + ")", e);
        }
    }

    private static Map<String, Object> stringKeyed(Map<?, ?> map) {
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }
}
