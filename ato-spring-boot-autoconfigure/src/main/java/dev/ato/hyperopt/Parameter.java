package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** One dimension of a {@link SearchSpace}: a name (a dotted path into the config) and its sampled values. */
sealed interface Parameter permits Parameter.Numeric, Parameter.Categories {

    String name();

    /** The sampled values, in grid order. */
    List<Object> values();

    /** Python ato's description of this parameter. */
    ADict spec();

    /** How numeric samples are spread over their range. */
    enum Scale { LINEAR, LOG }

    /**
     * A FLOAT ({@code integer == false}) or INTEGER range of {@code numSamples} samples, spaced evenly on a
     * {@link Scale#LINEAR} or a {@link Scale#LOG} scale of the given {@code base}.
     */
    record Numeric(String name, boolean integer, double start, double stop, int numSamples, Scale scale, double base)
            implements Parameter {

        public Numeric {
            requireName(name);
            String where = "search space parameter '" + name + "'";
            if (!Double.isFinite(start) || !Double.isFinite(stop)) {
                throw new AtoConfigException(where + ": param_range must hold two finite numbers, got ["
                        + start + ", " + stop + "]");
            }
            if (numSamples < 0) {
                throw new AtoConfigException(where + ": num_samples must be 0 or more, got " + numSamples);
            }
            if (scale == Scale.LOG) {
                if (start <= 0 || stop <= 0) {
                    throw new AtoConfigException(where + ": a LOG range must lie above 0, got [" + start + ", "
                            + stop + "]; use a positive start such as 1e-4, or space_type LINEAR");
                }
                if (!(base > 0) || base == 1 || Double.isInfinite(base)) {
                    throw new AtoConfigException(where + ": the base of a LOG range must be positive and not 1, got "
                            + base + " (defaults: 10 for FLOAT, 2 for INTEGER)");
                }
            }
        }

        @Override
        public List<Object> values() {
            List<Object> values = new ArrayList<>(numSamples);
            if (integer) {
                long[] samples = scale == Scale.LOG
                        ? Sampling.logIntegers(start, stop, numSamples, base)
                        : Sampling.linearIntegers(start, stop, numSamples);
                Arrays.stream(samples).forEach(values::add);
            } else {
                double[] samples = scale == Scale.LOG
                        ? Sampling.logFloats(start, stop, numSamples, base)
                        : Sampling.linearFloats(start, stop, numSamples);
                Arrays.stream(samples).forEach(values::add);
            }
            return normalized(values);
        }

        @Override
        public ADict spec() {
            ADict spec = new ADict()
                    .put("param_type", integer ? "INTEGER" : "FLOAT")
                    .put("param_range", List.of(number(start), number(stop)))
                    .put("num_samples", numSamples)
                    .put("space_type", scale.name());
            if (scale == Scale.LOG) {
                spec.put("base", number(base));
            }
            return spec;
        }

        /** Whole numbers as integers, so a spec written back reads like the one the user wrote. */
        private static Object number(double value) {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
        }
    }

    /** A CATEGORY parameter: the given values, in the given order. */
    record Categories(String name, List<Object> values) implements Parameter {

        public Categories {
            requireName(name);
            values = normalized(values);
        }

        @Override
        public ADict spec() {
            return new ADict().put("param_type", "CATEGORY").put("categories", values);
        }
    }

    /** The values as an ADict holds them ({@code Long} that fits as {@code Integer}, maps as ADicts), read-only. */
    private static List<Object> normalized(List<?> values) {
        return Collections.unmodifiableList(new ArrayList<>(new ADict().put("v", values).getList("v")));
    }

    private static void requireName(@Nullable String name) {
        if (name == null || name.isBlank() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            throw new AtoConfigException("search space parameter name '" + name
                    + "' is not a key path; use a name such as 'lr' or 'optimizer.lr'");
        }
    }
}
