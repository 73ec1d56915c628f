package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads Python ato's search-space description into parameters, naming the key path of anything wrong. */
final class SpaceSpec {

    private static final Set<String> KEYS =
            Set.of("param_type", "param_range", "num_samples", "space_type", "base", "categories");

    private SpaceSpec() {
    }

    static SearchSpace parse(ADict spec) {
        SearchSpace.Builder builder = SearchSpace.builder();
        for (Map.Entry<String, Object> entry : spec) {
            builder.add(parameter(entry.getKey(), entry.getValue()));
        }
        return builder.build();
    }

    private static Parameter parameter(String name, Object value) {
        if (!(value instanceof ADict description)) {
            throw new AtoConfigException("search space '" + name + "': expected a map with param_type and its "
                    + "settings, got " + value);
        }
        for (String key : description.keySet()) {
            if (!KEYS.contains(key)) {
                throw new AtoConfigException("search space '" + name + "." + key + "': unknown key; expected one of "
                        + "param_type, param_range, num_samples, space_type, base, categories");
            }
        }
        String type = upper(name, "param_type", description, null);
        return switch (type) {
            case "FLOAT" -> numeric(name, description, false, 10);
            case "INTEGER" -> numeric(name, description, true, 2);
            case "CATEGORY" -> new Parameter.Categories(name, list(name, "categories", description));
            default -> throw new AtoConfigException("search space '" + name + ".param_type': unknown type '"
                    + description.get("param_type") + "'; expected FLOAT, INTEGER or CATEGORY");
        };
    }

    private static Parameter numeric(String name, ADict description, boolean integer, double defaultBase) {
        List<Object> range = list(name, "param_range", description);
        if (range.size() != 2 || !(range.get(0) instanceof Number) || !(range.get(1) instanceof Number)) {
            throw new AtoConfigException("search space '" + name + ".param_range': expected [start, stop], got "
                    + range);
        }
        String scale = upper(name, "space_type", description, "LINEAR");
        if (!scale.equals("LINEAR") && !scale.equals("LOG")) {
            throw new AtoConfigException("search space '" + name + ".space_type': unknown space type '"
                    + description.get("space_type") + "'; expected LINEAR or LOG");
        }
        Object base = description.getOrDefault("base", defaultBase);
        if (!(base instanceof Number baseNumber)) {
            throw new AtoConfigException("search space '" + name + ".base': expected a number, got " + base);
        }
        return new Parameter.Numeric(name, integer, ((Number) range.get(0)).doubleValue(),
                ((Number) range.get(1)).doubleValue(), numSamples(name, description),
                Parameter.Scale.valueOf(scale), baseNumber.doubleValue());
    }

    private static int numSamples(String name, ADict description) {
        Object value = required(name, "num_samples", description);
        if (value instanceof Integer count) {
            return count;
        }
        throw new AtoConfigException("search space '" + name + ".num_samples': expected a whole number, got " + value);
    }

    private static String upper(String name, String key, ADict description, @Nullable String fallback) {
        Object value = fallback == null ? required(name, key, description) : description.getOrDefault(key, fallback);
        if (value instanceof String text) {
            return text.toUpperCase(Locale.ROOT);
        }
        throw new AtoConfigException("search space '" + name + "." + key + "': expected a name, got " + value);
    }

    private static List<Object> list(String name, String key, ADict description) {
        Object value = required(name, key, description);
        if (value instanceof List<?>) {
            return description.getList(key);
        }
        throw new AtoConfigException("search space '" + name + "." + key + "': expected a list, got " + value);
    }

    private static Object required(String name, String key, ADict description) {
        if (!description.contains(key)) {
            throw new AtoConfigException("search space '" + name + "': missing '" + key + "'");
        }
        return description.get(key);
    }
}
