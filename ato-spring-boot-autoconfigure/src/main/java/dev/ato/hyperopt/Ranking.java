package dev.ato.hyperopt;

import dev.ato.Mode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Python ato's ranking: a stable sort by metric, best first; NaN (and failed trials) rank last. */
final class Ranking {

    private Ranking() {
    }

    static <T> List<T> bestFirst(List<T> items, ToDoubleFunction<T> metric, Mode mode) {
        List<T> ranked = new ArrayList<>(items);
        ranked.sort((a, b) -> {
            double x = rankable(metric.applyAsDouble(a), mode);
            double y = rankable(metric.applyAsDouble(b), mode);
            // primitive comparison: -0.0 and 0.0 tie, as in Python's sort
            int ascending = x < y ? -1 : x > y ? 1 : 0;
            return mode == Mode.MAX ? -ascending : ascending;
        });
        return ranked;
    }

    /** The metric a failed trial counts with: the worst possible. */
    static double worst(Mode mode) {
        return mode == Mode.MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    private static double rankable(double metric, Mode mode) {
        return Double.isNaN(metric) ? worst(mode) : metric;
    }
}
