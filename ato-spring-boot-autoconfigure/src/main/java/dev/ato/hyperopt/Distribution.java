package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What one parameter of a {@link Domain} may take: a continuous range, an integer range (each uniform or
 * log-uniform), or a choice among values. Samplers work on an internal number per parameter: the value itself for
 * a uniform range, its natural logarithm for a log range, the index of the value for a choice.
 */
public sealed interface Distribution permits Distribution.Floats, Distribution.Integers, Distribution.Choice {

    /** A uniform draw, as an internal number. */
    double sample(SplittableRandom random);

    /** The internal number of a value of this distribution. */
    double internal(Object value);

    /** The value of an internal number (rounded for integers, the nearest index for a choice). */
    Object value(double internal);

    /** The lowest internal number. */
    double internalLow();

    /** The highest internal number. */
    double internalHigh();

    /** This distribution in a {@link Domain}'s description. */
    ADict spec();

    /**
     * Floats from {@code low} to {@code high}, uniform or (with {@code log}) log-uniform.
     *
     * @param low  the smallest value
     * @param high the largest value, above {@code low}
     * @param log  whether values spread evenly in their logarithm ({@code low} must then be above 0)
     */
    record Floats(double low, double high, boolean log) implements Distribution {

        public Floats {
            checkRange(low, high, log);
        }

        @Override
        public double sample(SplittableRandom random) {
            return between(random, internalLow(), internalHigh());
        }

        @Override
        public double internal(Object value) {
            return scaled(((Number) value).doubleValue(), log);
        }

        @Override
        public Object value(double internal) {
            double x = log ? Math.exp(internal) : internal;
            return Math.min(high, Math.max(low, x));
        }

        @Override
        public double internalLow() {
            return log ? Math.log(low) : low;
        }

        @Override
        public double internalHigh() {
            return log ? Math.log(high) : high;
        }

        @Override
        public ADict spec() {
            return range("FLOAT", low, high, log);
        }
    }

    /**
     * Whole numbers from {@code low} to {@code high} inclusive, uniform or log-uniform.
     *
     * @param low  the smallest value
     * @param high the largest value, at least {@code low}
     * @param log  whether values spread evenly in their logarithm ({@code low} must then be above 0)
     */
    record Integers(long low, long high, boolean log) implements Distribution {

        public Integers {
            checkRange(low, high, log);
        }

        // the internal range is widened by half a unit so each integer gets an equal share of a uniform draw
        @Override
        public double sample(SplittableRandom random) {
            return between(random, internalLow(), internalHigh());
        }

        @Override
        public double internal(Object value) {
            return scaled(((Number) value).doubleValue(), log);
        }

        @Override
        public Object value(double internal) {
            long x = Math.round(log ? Math.exp(internal) : internal);
            return Math.min(high, Math.max(low, x));
        }

        @Override
        public double internalLow() {
            return log ? Math.log(low - 0.5 > 0 ? low - 0.5 : low) : low - 0.5;
        }

        @Override
        public double internalHigh() {
            return log ? Math.log(high + 0.5) : high + 0.5;
        }

        @Override
        public ADict spec() {
            return range("INTEGER", low, high, log);
        }
    }

    /**
     * One of the given values; samplers treat them as unordered categories.
     *
     * @param values the values, at least one
     */
    record Choice(@Nullable List<Object> values) implements Distribution {

        public Choice {
            if (values == null || values.isEmpty()) {
                throw new AtoConfigException("a choice needs at least one value");
            }
            values = List.copyOf(new ADict().put("v", new ArrayList<>(values)).getList("v"));
        }

        @Override
        public double sample(SplittableRandom random) {
            return random.nextInt(values.size());
        }

        @Override
        public double internal(Object value) {
            int index = values.indexOf(value);
            if (index < 0 && value instanceof Number number) {
                for (int i = 0; i < values.size() && index < 0; i++) {
                    if (values.get(i) instanceof Number other && other.doubleValue() == number.doubleValue()) {
                        index = i;
                    }
                }
            }
            if (index < 0) {
                throw new AtoConfigException("value " + value + " is not one of the choices " + values);
            }
            return index;
        }

        @Override
        public Object value(double internal) {
            return values.get((int) Math.max(0, Math.min(values.size() - 1, Math.round(internal))));
        }

        @Override
        public double internalLow() {
            return 0;
        }

        @Override
        public double internalHigh() {
            return values.size() - 1;
        }

        @Override
        public ADict spec() {
            return new ADict().put("param_type", "CATEGORY").put("categories", values);
        }
    }

    /** A uniform draw between two internal numbers (ranges of either kind draw the same way). */
    private static double between(SplittableRandom random, double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    /** A range's value as its internal number: itself, or its logarithm for a log range. */
    private static double scaled(double value, boolean log) {
        return log ? Math.log(value) : value;
    }

    private static void checkRange(double low, double high, boolean log) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low <= high)) {
            throw new AtoConfigException("a range needs finite low <= high, got [" + low + ", " + high + "]");
        }
        if (log && low <= 0) {
            throw new AtoConfigException("a LOG range must lie above 0, got [" + low + ", " + high
                    + "]; use a positive low such as 1e-4, or a uniform range");
        }
    }

    private static ADict range(String type, double low, double high, boolean log) {
        return new ADict().put("param_type", type).put("param_range", List.of(number(low), number(high)))
                .put("space_type", log ? "LOG" : "LINEAR");
    }

    private static Object number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
    }
}
