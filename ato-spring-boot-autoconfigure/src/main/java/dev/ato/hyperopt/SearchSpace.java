package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters a search explores and the grid they span, computed exactly as Python ato computes it.
 *
 * <p>Build one in code with {@link #builder()} or from Python ato's description with {@link #from(ADict)}. Parameter
 * names are key paths: {@code lr} sets a top-level key, {@code optimizer.lr} a nested one. The grid is the
 * Cartesian product of the parameters' samples in declaration order, the last parameter varying fastest; FLOAT
 * samples carry numpy's float32 rounding (0.1 is 0.10000000149011612), INTEGER samples are floored (LINEAR) or
 * truncated powers (LOG) as numpy's int64 cast gives them. Immutable and thread-safe.
 */
public final class SearchSpace {

    private final List<Parameter> parameters;

    private SearchSpace(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    /** A builder adding parameters in grid order. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A search space from Python ato's description: each top-level key names a parameter and maps to
     * {@code param_type} (FLOAT, INTEGER or CATEGORY, any case), {@code param_range} ({@code [start, stop]}),
     * {@code num_samples}, optional {@code space_type} (LINEAR, the default, or LOG, any case) and {@code base}
     * (default 10 for FLOAT, 2 for INTEGER), or {@code categories} for CATEGORY.
     *
     * @throws AtoConfigException naming the parameter and key when the description is incomplete or invalid
     */
    public static SearchSpace from(ADict spec) {
        return SpaceSpec.parse(spec);
    }

    /**
     * A search space from a Hydra multirun command line ({@code -m lr=0.1,0.01 model=a,b}): each sweep of Hydra's
     * basic-sweeper grammar ({@code a,b}, {@code choice(..)}, {@code range(..)}, casts and {@code sort(..)} around
     * them) becomes a CATEGORY parameter named by its key, in command-line order, so the grid is the sweeper's
     * job list. Plain overrides are not parameters: {@link dev.ato.hydra.HydraSweep#parse(List)} gives them, and
     * {@link dev.ato.hydra.HydraSweep#overridesFor} the command line of one grid point.
     *
     * @throws dev.ato.AtoConfigException (a {@code HydraException}) naming the override for bad grammar, an
     *                                    {@code interval(..)}, {@code shuffle(..)} or a {@code glob(..)} (which
     *                                    needs {@link #fromHydraSweep(List, java.nio.file.Path)})
     */
    public static SearchSpace fromHydraSweep(List<String> overrides) {
        return HydraSweepSpace.of(overrides, null);
    }

    /** Like {@link #fromHydraSweep(List)}; {@code glob(..)} selects among the group's options in {@code configDir}. */
    public static SearchSpace fromHydraSweep(List<String> overrides, java.nio.file.Path configDir) {
        return HydraSweepSpace.of(overrides, configDir);
    }

    /** The parameter names in grid order. */
    public List<String> names() {
        return parameters.stream().map(Parameter::name).toList();
    }

    /** Each parameter's sampled values, in grid order (the grid's axes). */
    public Map<String, List<Object>> values() {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        parameters.forEach(p -> values.put(p.name(), p.values()));
        return values;
    }

    /** The number of configs in the grid (0 when any parameter has no samples). */
    public int size() {
        long size = 1;
        for (Parameter parameter : parameters) {
            size *= parameter.values().size();
            if (size > Integer.MAX_VALUE) {
                throw new AtoConfigException("search space " + names() + " spans more than " + Integer.MAX_VALUE
                        + " configs; use fewer samples");
            }
        }
        return (int) size;
    }

    /**
     * The grid: for every combination of samples, a copy of {@code base} with the parameters set (merged into nested
     * maps for dotted names), in Python ato's order.
     */
    public List<ADict> grid(ADict base) {
        List<ADict> grid = new ArrayList<>();
        for (ADict point : points()) {
            grid.add(base.copy().merge(point));
        }
        return grid;
    }

    /** Python ato's description of this space; {@link #from(ADict)} reads it back to an equal space. */
    public ADict spec() {
        ADict spec = new ADict();
        parameters.forEach(p -> spec.put(p.name(), p.spec()));
        return spec;
    }

    /** The grid without a base: each entry holds only the parameter values. */
    List<ADict> points() {
        List<List<Object>> axes = parameters.stream().map(Parameter::values).toList();
        size();
        List<ADict> points = new ArrayList<>();
        if (axes.stream().anyMatch(List::isEmpty)) {
            return points;
        }
        int[] index = new int[axes.size()];
        while (true) {
            ADict point = ADict.auto();
            for (int p = 0; p < axes.size(); p++) {
                point.set(parameters.get(p).name(), axes.get(p).get(index[p]));
            }
            points.add(point);
            int p = axes.size() - 1;
            while (p >= 0 && ++index[p] == axes.get(p).size()) {
                index[p] = 0;
                p--;
            }
            if (p < 0) {
                return points;
            }
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof SearchSpace other && parameters.equals(other.parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    @Override
    public String toString() {
        return "SearchSpace" + spec().toMap();
    }

    /** Adds parameters in grid order; each name at most once. */
    public static final class Builder {

        private final Map<String, Parameter> parameters = new LinkedHashMap<>();

        private Builder() {
        }

        /** FLOAT, LINEAR: {@code numSamples} evenly spaced values from {@code start} to {@code stop}. */
        public Builder floats(String name, double start, double stop, int numSamples) {
            return add(new Parameter.Numeric(name, false, start, stop, numSamples, Parameter.Scale.LINEAR, 10));
        }

        /** FLOAT, LOG base 10: {@code numSamples} values evenly spaced in {@code log10}; the range must be positive. */
        public Builder logFloats(String name, double start, double stop, int numSamples) {
            return logFloats(name, start, stop, numSamples, 10);
        }

        /** FLOAT, LOG with the given {@code base}. */
        public Builder logFloats(String name, double start, double stop, int numSamples, double base) {
            return add(new Parameter.Numeric(name, false, start, stop, numSamples, Parameter.Scale.LOG, base));
        }

        /** INTEGER, LINEAR: evenly spaced values floored to integers (so duplicates are possible, as in Python). */
        public Builder integers(String name, long start, long stop, int numSamples) {
            return add(new Parameter.Numeric(name, true, start, stop, numSamples, Parameter.Scale.LINEAR, 2));
        }

        /** INTEGER, LOG base 2: powers truncated to integers; whole powers exact. The range must be positive. */
        public Builder logIntegers(String name, long start, long stop, int numSamples) {
            return logIntegers(name, start, stop, numSamples, 2);
        }

        /** INTEGER, LOG with the given {@code base}. */
        public Builder logIntegers(String name, long start, long stop, int numSamples, double base) {
            return add(new Parameter.Numeric(name, true, start, stop, numSamples, Parameter.Scale.LOG, base));
        }

        /** CATEGORY: exactly these values, in this order. */
        public Builder categories(String name, List<?> values) {
            return add(new Parameter.Categories(name, new ArrayList<>(values)));
        }

        /** The search space; an empty builder gives a space whose grid is one config, the base itself. */
        public SearchSpace build() {
            return new SearchSpace(new ArrayList<>(parameters.values()));
        }

        Builder add(@Nullable Parameter parameter) {
            if (parameters.putIfAbsent(parameter.name(), parameter) != null) {
                throw new AtoConfigException("search space parameter '" + parameter.name()
                        + "' is declared twice; give each parameter one declaration");
            }
            return this;
        }
    }
}
