package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.Mode;
import dev.ato.adict.ADict;

import java.util.Locale;

/**
 * What a tracked search runs, as stored in its {@code settings}: enough for any worker to join it. A grid search
 * has a {@code hyperBand} (and {@code tuner == null}); a sampled search has a {@code tuner} (and
 * {@code hyperBand == null}).
 */
record SearchDefinition(@Nullable HyperBand hyperBand, @Nullable Schedule schedule, String metricKey, boolean stopOnFirstFailure,
        @Nullable Tuner tuner) {

    SearchDefinition(HyperBand hyperBand, Schedule schedule, String metricKey, boolean stopOnFirstFailure) {
        this(hyperBand, schedule, metricKey, stopOnFirstFailure, null);
    }

    /** A sampled search. */
    static SearchDefinition of(Tuner tuner, @Nullable String metricKey) {
        return new SearchDefinition(null, null, metricKey, tuner.isStopOnFirstFailure(), tuner);
    }

    ADict settings() {
        if (tuner != null) {
            return tuner.settings().put("metric_key", metricKey);
        }
        return new ADict()
                .put("strategy", "hyperband")
                .put("halving_rate", hyperBand.halvingRate())
                .put("num_min_samples", hyperBand.numMinSamples())
                .put("mode", hyperBand.mode().name())
                .put("schedule", schedule.name())
                .put("metric_key", metricKey)
                .put("stop_on_first_failure", stopOnFirstFailure);
    }

    /** The stored description of what is searched: the grid, or the sampled domain. */
    ADict space() {
        return tuner != null ? tuner.domain().spec() : hyperBand.space().spec();
    }

    /** Whether larger or smaller metrics are better. */
    Mode mode() {
        return tuner != null ? tuner.mode() : hyperBand.mode();
    }

    static SearchDefinition of(SearchRecord search) {
        ADict settings = search.settings();
        Object strategy = settings.getOrDefault("strategy", null);
        if ("tuner".equals(strategy)) {
            return of(Tuner.from(settings, search.space()), settings.getString("metric_key"));
        }
        if (!"hyperband".equals(strategy)) {
            throw new AtoConfigException("search '" + search.id() + "' uses strategy '" + strategy
                    + "', which this version of Ato cannot run");
        }
        HyperBand hyperBand = new HyperBand(SearchSpace.from(search.space()), settings.getDouble("halving_rate"),
                settings.getInt("num_min_samples"), Mode.valueOf(settings.getString("mode").toUpperCase(Locale.ROOT)));
        return new SearchDefinition(hyperBand, Schedule.valueOf(settings.getString("schedule")),
                settings.getString("metric_key"), settings.getBoolean("stop_on_first_failure"));
    }
}
