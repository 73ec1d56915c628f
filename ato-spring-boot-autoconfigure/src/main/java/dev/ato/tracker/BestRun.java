package dev.ato.tracker;

/**
 * The answer of {@link RunFinder#findBestRun}: the best run, or which of the two reasons there is none.
 * Switch over it: {@code switch (best) { case BestRun.Found f -> ...; case BestRun.ProjectNotFound p -> ...;
 * case BestRun.NoRunWithMetric n -> ...; }}.
 */
public sealed interface BestRun {

    /** The best run and its best value of the metric. */
    record Found(Run run, double value) implements BestRun {
    }

    /** No project has this name. */
    record ProjectNotFound(String project) implements BestRun {
    }

    /** The project exists but none of its runs logged a numeric value for this metric key. */
    record NoRunWithMetric(String project, String metricKey) implements BestRun {
    }
}
