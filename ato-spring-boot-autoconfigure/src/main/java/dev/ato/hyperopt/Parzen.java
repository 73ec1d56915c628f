package dev.ato.hyperopt;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The Parzen estimator of TPE (Bergstra et al. 2011, with Optuna 3.1's defaults): a weighted mixture of one kernel
 * per observation plus a prior kernel over the whole range, on the internal numbers of some parameters. Numeric
 * kernels are normal distributions truncated to the range; their widths follow the distance to the neighbouring
 * observations (one parameter) or Scott's rule (several, jointly), clipped as Optuna's "magic clip" does. Choice
 * kernels put their weight on the observed value, smoothed by the prior.
 */
final class Parzen {

    private static final double PRIOR_WEIGHT = 1.0;
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final List<Distribution> dims;
    private final double[][] mus;      // [kernel][dim], the prior last
    private final double[][] sigmas;   // [kernel][dim]
    private final double[] weights;    // normalised
    private final double[] cumulative;

    /**
     * @param dims         the distributions of the parameters modelled together
     * @param observations [observation][dim] internal numbers, in the order the trials were opened
     * @param weights      one weight per observation
     * @param bandwidth    a factor on the numeric kernels' widths (BOHB samples with wider kernels)
     */
    Parzen(List<Distribution> dims, double[][] observations, double[] weights, double bandwidth) {
        this(dims, observations, weights, bandwidth, false);
    }

    /**
     * @param normalReference widths from the data as BOHB's KDE has them (the normal reference rule, {@code 1.06}
     *                        times each parameter's standard deviation among the observations times
     *                        {@code n^(-1/(d+4))}, at least {@code 0.001} of the range) instead of Optuna's
     */
    Parzen(List<Distribution> dims, double[][] observations, double[] weights, double bandwidth,
            boolean normalReference) {
        this.dims = dims;
        int n = observations.length;
        int k = n + 1;
        this.mus = new double[k][dims.size()];
        this.sigmas = new double[k][dims.size()];
        for (int d = 0; d < dims.size(); d++) {
            Distribution dist = dims.get(d);
            double low = dist.internalLow();
            double high = dist.internalHigh();
            double range = high - low;
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = observations[i][d];
                mus[i][d] = column[i];
            }
            mus[n][d] = dist instanceof Distribution.Choice ? -1 : 0.5 * (low + high);
            if (dist instanceof Distribution.Choice) {
                continue;
            }
            double[] width = normalReference ? normalReference(column, dims.size(), range)
                    : dims.size() == 1 ? neighbourWidths(column, mus[n][d], low, high)
                    : scott(n, dims.size(), range);
            double min = normalReference ? 1e-3 * range : range / Math.min(100.0, 1.0 + k);
            for (int i = 0; i < n; i++) {
                sigmas[i][d] = bandwidth * Math.max(min, Math.min(range, width[i]));
            }
            sigmas[n][d] = range;
        }
        double total = PRIOR_WEIGHT;
        for (double w : weights) {
            total += w;
        }
        this.weights = new double[k];
        this.cumulative = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            this.weights[i] = (i < n ? weights[i] : PRIOR_WEIGHT) / total;
            sum += this.weights[i];
            cumulative[i] = sum;
        }
    }

    /** One draw: a kernel by weight, then each parameter from that kernel; internal numbers. */
    double[] sample(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int kernel = 0;
        while (kernel < cumulative.length - 1 && cumulative[kernel] < u) {
            kernel++;
        }
        double[] x = new double[dims.size()];
        for (int d = 0; d < dims.size(); d++) {
            Distribution dist = dims.get(d);
            if (dist instanceof Distribution.Choice choice) {
                x[d] = sampleChoice(choice.values().size(), mus[kernel][d], random);
            } else {
                x[d] = truncatedNormal(mus[kernel][d], sigmas[kernel][d], dist.internalLow(), dist.internalHigh(),
                        random);
            }
        }
        return x;
    }

    /** The log density (log probability for choices) of internal numbers under the mixture. */
    double logDensity(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            double term = Math.log(weights[k]);
            for (int d = 0; d < dims.size(); d++) {
                Distribution dist = dims.get(d);
                if (dist instanceof Distribution.Choice choice) {
                    term += Math.log(choiceProbability(choice.values().size(), mus[k][d], x[d]));
                } else {
                    term += logTruncatedNormal(x[d], mus[k][d], sigmas[k][d], dist.internalLow(), dist.internalHigh());
                }
            }
            terms[k] = term;
            max = Math.max(max, term);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - max);
        }
        return max + Math.log(sum);
    }

    // ------------------------------------------------------------------ kernels

    /** Optuna's univariate widths: the larger gap to a neighbour, the prior counted as an observation. */
    private static double[] neighbourWidths(double[] column, double prior, double low, double high) {
        int n = column.length;
        double[] all = java.util.Arrays.copyOf(column, n + 1);
        all[n] = prior;
        Integer[] order = new Integer[n + 1];
        for (int i = 0; i <= n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
        double[] widths = new double[n + 1];
        for (int r = 0; r <= n; r++) {
            double left = r == 0 ? all[order[r]] - low : all[order[r]] - all[order[r - 1]];
            double right = r == n ? high - all[order[r]] : all[order[r + 1]] - all[order[r]];
            if (r == 0 && n >= 1) {
                left = right;
            }
            if (r == n && n >= 1) {
                right = left;
            }
            widths[order[r]] = Math.max(left, right);
        }
        return widths;
    }

    /** Optuna's multivariate width: 0.2 n^(-1/(d+4)) of the range, the same for every kernel. */
    private static double[] scott(int n, int dims, double range) {
        double[] widths = new double[n];
        java.util.Arrays.fill(widths, 0.2 * Math.pow(Math.max(n, 1), -1.0 / (dims + 4)) * range);
        return widths;
    }

    /** BOHB's widths (statsmodels' normal reference rule): {@code 1.06 sd n^(-1/(d+4))}, the same for every kernel. */
    private static double[] normalReference(double[] column, int dims, double range) {
        int n = column.length;
        double mean = 0;
        for (double v : column) {
            mean += v;
        }
        mean /= Math.max(n, 1);
        double squares = 0;
        for (double v : column) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / Math.max(n, 1));
        double[] widths = new double[n];
        java.util.Arrays.fill(widths, 1.06 * sd * Math.pow(Math.max(n, 1), -1.0 / (dims + 4)));
        return widths;
    }

    private static int sampleChoice(int count, double observed, SplittableRandom random) {
        double u = random.nextDouble();
        double sum = 0;
        for (int c = 0; c < count - 1; c++) {
            sum += choiceProbability(count, observed, c);
            if (u < sum) {
                return c;
            }
        }
        return count - 1;
    }

    /** A choice kernel: the observed value with weight 1, smoothed by the prior's weight spread over all values. */
    private static double choiceProbability(int count, double observed, double value) {
        if (observed < 0) {
            return 1.0 / count;
        }
        double spread = PRIOR_WEIGHT / count;
        return ((Math.round(value) == Math.round(observed) ? 1.0 : 0.0) + spread) / (1.0 + PRIOR_WEIGHT);
    }

    private static double truncatedNormal(double mu, double sigma, double low, double high, SplittableRandom random) {
        for (int attempt = 0; attempt < 100; attempt++) {
            double x = mu + sigma * gaussian(random);
            if (x >= low && x <= high) {
                return x;
            }
        }
        return Math.min(high, Math.max(low, mu));
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double logTruncatedNormal(double x, double mu, double sigma, double low, double high) {
        double z = (x - mu) / sigma;
        double mass = phi((high - mu) / sigma) - phi((low - mu) / sigma);
        return -0.5 * z * z - LOG_SQRT_2PI - Math.log(sigma) - Math.log(Math.max(mass, 1e-12));
    }

    /** The standard normal CDF (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
    private static double phi(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                + 0.254829592) * t * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
