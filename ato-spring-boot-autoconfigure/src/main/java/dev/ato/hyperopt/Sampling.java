package dev.ato.hyperopt;

/**
 * numpy's {@code linspace} and {@code logspace} as Python ato calls them (numpy 1.24): computed in float64, then
 * cast to float32 (FLOAT) or int64 (INTEGER). Reproducing the arithmetic step by step is what makes the grids equal
 * to Python ato's value for value, float32 rounding and integer truncation included.
 */
final class Sampling {

    /** Exponents this close to a whole number count as whole, so INTEGER LOG grids hold exact powers. */
    private static final double WHOLE_EXPONENT = 1e-9;

    private Sampling() {
    }

    /** {@code numpy.linspace(start, stop, num)} in float64, endpoint included. */
    static double[] linspace(double start, double stop, int num) {
        double[] y = new double[num];
        int div = num - 1;
        double delta = stop - start;
        double step = delta / div;
        for (int i = 0; i < num; i++) {
            double scaled;
            if (div == 0) {
                scaled = i * delta;
            } else if (step == 0) {
                scaled = i / (double) div * delta;
            } else {
                scaled = i * step;
            }
            y[i] = scaled + start;
        }
        if (num > 1) {
            y[num - 1] = stop;
        }
        return y;
    }

    /** {@code linspace(...).astype(float32)}, widened back to double. */
    static double[] linearFloats(double start, double stop, int num) {
        double[] y = linspace(start, stop, num);
        for (int i = 0; i < num; i++) {
            y[i] = (float) y[i];
        }
        return y;
    }

    /** {@code linspace(..., dtype=int64)}: numpy floors before the cast. */
    static long[] linearIntegers(double start, double stop, int num) {
        double[] y = linspace(start, stop, num);
        long[] result = new long[num];
        for (int i = 0; i < num; i++) {
            result[i] = (long) Math.floor(y[i]);
        }
        return result;
    }

    /** {@code logspace(log(start, base), log(stop, base), num, base=base).astype(float32)}, widened back to double. */
    static double[] logFloats(double start, double stop, int num, double base) {
        double[] exponents = exponents(start, stop, num, base);
        double[] result = new double[num];
        for (int i = 0; i < num; i++) {
            result[i] = (float) Math.pow(base, exponents[i]);
        }
        return result;
    }

    /**
     * {@code logspace(..., dtype=int64)}: the power truncated to an integer, except that a whole exponent gives the
     * exact power (Python ato truncates {@code 10**2.9999999999999996} to 999; Ato keeps 1000).
     */
    static long[] logIntegers(double start, double stop, int num, double base) {
        double[] exponents = exponents(start, stop, num, base);
        long[] result = new long[num];
        for (int i = 0; i < num; i++) {
            double whole = Math.rint(exponents[i]);
            double exponent = Math.abs(exponents[i] - whole) < WHOLE_EXPONENT ? whole : exponents[i];
            result[i] = (long) Math.pow(base, exponent);
        }
        return result;
    }

    /** Python's {@code math.log(x, base)} is {@code log(x) / log(base)}. */
    private static double[] exponents(double start, double stop, int num, double base) {
        double logBase = Math.log(base);
        return linspace(Math.log(start) / logBase, Math.log(stop) / logBase, num);
    }
}
