package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The parameters a sampled search explores: continuous and integer ranges (uniform or log-uniform) and choices,
 * drawn by a {@link Sampler} rather than gridded. Names are key paths, as in a {@link SearchSpace}.
 *
 * <p>Build one with {@link #builder()}, or read a description with {@link #from(ADict)}: the grid's description
 * ({@code param_type}, {@code param_range}, {@code space_type}, {@code categories}) where a range without
 * {@code num_samples} is continuous; a range with {@code num_samples} is the choice among the values its grid
 * holds, so every Python ato grid description is also a domain. {@link #of(SearchSpace)} does the same for a built
 * grid. Immutable.
 */
public final class Domain {

    private static final Set<String> KEYS =
            Set.of("param_type", "param_range", "num_samples", "space_type", "base", "categories");

    private final Map<String, Distribution> parameters;

    private Domain(Map<String, Distribution> parameters) {
        this.parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A builder adding parameters in order. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A domain from a description (see the class comment).
     *
     * @throws AtoConfigException naming the parameter and key when the description is incomplete or invalid
     */
    public static Domain from(ADict spec) {
        Builder builder = builder();
        for (Map.Entry<String, Object> entry : spec) {
            String name = entry.getKey();
            if (!(entry.getValue() instanceof ADict description)) {
                throw new AtoConfigException("search domain '" + name + "': expected a map with param_type and its "
                        + "settings, got " + entry.getValue());
            }
            for (String key : description.keySet()) {
                if (!KEYS.contains(key)) {
                    throw new AtoConfigException("search domain '" + name + "." + key + "': unknown key; expected one"
                            + " of param_type, param_range, num_samples, space_type, base, categories");
                }
            }
            Object type = description.getOrDefault("param_type", null);
            if (description.contains("num_samples") || "CATEGORY".equalsIgnoreCase(String.valueOf(type))) {
                SearchSpace grid = SearchSpace.from(new ADict().put(name, description));
                builder.add(name, new Distribution.Choice(grid.values().get(name)));
                continue;
            }
            if (!(type instanceof String text) || !Set.of("FLOAT", "INTEGER").contains(text.toUpperCase(Locale.ROOT))) {
                throw new AtoConfigException("search domain '" + name + ".param_type': expected FLOAT, INTEGER or "
                        + "CATEGORY, got " + type);
            }
            Object range = description.getOrDefault("param_range", null);
            if (!(range instanceof List<?> bounds) || bounds.size() != 2 || !(bounds.get(0) instanceof Number low)
                    || !(bounds.get(1) instanceof Number high)) {
                throw new AtoConfigException("search domain '" + name + ".param_range': expected [low, high], got "
                        + range);
            }
            String scale = String.valueOf(description.getOrDefault("space_type", "LINEAR")).toUpperCase(Locale.ROOT);
            if (!scale.equals("LINEAR") && !scale.equals("LOG")) {
                throw new AtoConfigException("search domain '" + name + ".space_type': expected LINEAR or LOG, got "
                        + description.get("space_type"));
            }
            boolean log = scale.equals("LOG");
            try {
                builder.add(name, text.equalsIgnoreCase("FLOAT")
                        ? new Distribution.Floats(low.doubleValue(), high.doubleValue(), log)
                        : new Distribution.Integers(low.longValue(), high.longValue(), log));
            } catch (AtoConfigException e) {
                throw new AtoConfigException("search domain '" + name + "': " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    /** The grid's parameters as choices among their sampled values. */
    public static Domain of(SearchSpace grid) {
        Builder builder = builder();
        grid.values().forEach((name, values) -> builder.add(name, new Distribution.Choice(values)));
        return builder.build();
    }

    /** The parameter names, in order. */
    public List<String> names() {
        return new ArrayList<>(parameters.keySet());
    }

    /** The parameters and their distributions, in order. */
    public Map<String, Distribution> parameters() {
        return parameters;
    }

    /** How many parameters there are. */
    public int size() {
        return parameters.size();
    }

    /** The description {@link #from(ADict)} reads back to an equal domain. */
    public ADict spec() {
        ADict spec = new ADict();
        parameters.forEach((name, d) -> spec.put(name, d.spec()));
        return spec;
    }

    /** A config holding one value per parameter (nested for dotted names) from internal numbers in order. */
    public ADict values(double[] internal) {
        ADict point = ADict.auto();
        int i = 0;
        for (Map.Entry<String, Distribution> entry : parameters.entrySet()) {
            point.set(entry.getKey(), entry.getValue().value(internal[i++]));
        }
        return point;
    }

    /** The internal numbers of a config's parameter values, in order. */
    public double[] internal(ADict config) {
        double[] x = new double[parameters.size()];
        int i = 0;
        for (Map.Entry<String, Distribution> entry : parameters.entrySet()) {
            x[i++] = entry.getValue().internal(config.get(entry.getKey()));
        }
        return x;
    }

    /** A uniform draw of every parameter. */
    public ADict sample(SplittableRandom random) {
        double[] x = new double[parameters.size()];
        int i = 0;
        for (Distribution d : parameters.values()) {
            x[i++] = d.sample(random);
        }
        return values(x);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Domain other && parameters.equals(other.parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    @Override
    public String toString() {
        return "Domain" + spec().toMap();
    }

    /** Adds parameters in order; each name at most once. */
    public static final class Builder {

        private final Map<String, Distribution> parameters = new LinkedHashMap<>();

        private Builder() {
        }

        /** Floats uniform from {@code low} to {@code high}. */
        public Builder floats(String name, double low, double high) {
            return add(name, new Distribution.Floats(low, high, false));
        }

        /** Floats log-uniform from {@code low} to {@code high} (both above 0). */
        public Builder logFloats(String name, double low, double high) {
            return add(name, new Distribution.Floats(low, high, true));
        }

        /** Whole numbers uniform from {@code low} to {@code high} inclusive. */
        public Builder integers(String name, long low, long high) {
            return add(name, new Distribution.Integers(low, high, false));
        }

        /** Whole numbers log-uniform from {@code low} to {@code high} inclusive (both above 0). */
        public Builder logIntegers(String name, long low, long high) {
            return add(name, new Distribution.Integers(low, high, true));
        }

        /** One of {@code values}. */
        public Builder choice(String name, List<?> values) {
            return add(name, new Distribution.Choice(new ArrayList<>(values)));
        }

        /** Any distribution. */
        public Builder add(@Nullable String name, Distribution distribution) {
            if (name == null || name.isBlank() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
                throw new AtoConfigException("search domain parameter name '" + name
                        + "' is not a key path; use a name such as 'lr' or 'optimizer.lr'");
            }
            if (parameters.putIfAbsent(name, distribution) != null) {
                throw new AtoConfigException("search domain parameter '" + name + "' is declared twice");
            }
            return this;
        }

        /** The domain. */
        public Domain build() {
            return new Domain(parameters);
        }
    }
}
