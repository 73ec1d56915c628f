package dev.ato.hyperopt;

import dev.ato.adict.ADict;

import java.util.SplittableRandom;

/**
 * The search benchmarks' test functions with a fidelity (budget) parameter, as defined in docs/benchmarks.md:
 * {@code y(x, b) = f(x) + sigma0 * e / sqrt(b)} with {@code e} standard normal, drawn afresh for every evaluation
 * from the benchmark's own seeded generator, so the noise shrinks as the budget grows; the regret of a config is
 * {@code f(x) - f*} without noise. Branin on {@code [-5, 10] x [0, 15]} ({@code f* = 0.397887}, {@code sigma0 = 5}),
 * Hartmann-6 on {@code [0, 1]^6} ({@code f* = -3.32237}, {@code sigma0 = 0.5}).
 */
enum Fidelity {

    BRANIN(5.0, 0.397887357729738) {
        @Override
        double f(ADict x) {
            double x1 = x.getDouble("x1");
            double x2 = x.getDouble("x2");
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double t = 1 / (8 * Math.PI);
            return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
        }

        @Override
        Domain domain() {
            return Domain.builder().floats("x1", -5, 10).floats("x2", 0, 15).build();
        }

        @Override
        SearchSpace grid(int perAxis) {
            return SearchSpace.builder().floats("x1", -5, 10, perAxis).floats("x2", 0, 15, perAxis).build();
        }
    },

    HARTMANN6(0.5, -3.32236801141551) {
        private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
        private static final double[][] A = {
            {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
        private static final double[][] P = {
            {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

        @Override
        double f(ADict x) {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    double d = x.getDouble("x" + (j + 1)) - P[i][j];
                    inner += A[i][j] * d * d;
                }
                sum += ALPHA[i] * Math.exp(-inner);
            }
            return -sum;
        }

        @Override
        Domain domain() {
            Domain.Builder builder = Domain.builder();
            for (int j = 1; j <= 6; j++) {
                builder.floats("x" + j, 0, 1);
            }
            return builder.build();
        }

        @Override
        SearchSpace grid(int perAxis) {
            SearchSpace.Builder builder = SearchSpace.builder();
            for (int j = 1; j <= 6; j++) {
                builder.floats("x" + j, 0, 1, perAxis);
            }
            return builder.build();
        }
    };

    final double sigma0;
    final double optimum;

    Fidelity(double sigma0, double optimum) {
        this.sigma0 = sigma0;
        this.optimum = optimum;
    }

    /** The function without noise. */
    abstract double f(ADict x);

    /** The continuous domain. */
    abstract Domain domain();

    /** A grid of {@code perAxis} values per parameter. */
    abstract SearchSpace grid(int perAxis);

    /** One noisy observation at budget {@code b}. */
    double observe(ADict x, double b, SplittableRandom noise) {
        double u = 1.0 - noise.nextDouble();
        double v = noise.nextDouble();
        double e = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        return f(x) + sigma0 * e / Math.sqrt(b);
    }

    /** The regret of a config. */
    double regret(ADict x) {
        return f(x) - optimum;
    }
}
