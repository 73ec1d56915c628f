package dev.ato.hyperopt;

import dev.ato.AtoConfigException;
import dev.ato.Mode;
import dev.ato.adict.ADict;

import java.util.Locale;

/** What a tracked search runs, as stored in its {@code settings}: enough for any worker to join it. */
record SearchDefinition(HyperBand hyperBand, Schedule schedule, String metricKey, boolean stopOnFirstFailure) {

    ADict settings() {
        return new ADict()
                .put("strategy", "hyperband")
                .put("halving_rate", hyperBand.halvingRate())
                .put("num_min_samples", hyperBand.numMinSamples())
                .put("mode", hyperBand.mode().name())
                .put("schedule", schedule.name())
                .put("metric_key", metricKey)
                .put("stop_on_first_failure", stopOnFirstFailure);
    }

    static SearchDefinition of(SearchRecord search) {
        ADict settings = search.settings();
        if (!"hyperband".equals(settings.getOrDefault("strategy", null))) {
            throw new AtoConfigException("search '" + search.id() + "' uses strategy '"
                    + settings.getOrDefault("strategy", null) + "', which this version of Ato cannot run");
        }
        HyperBand hyperBand = new HyperBand(SearchSpace.from(search.space()), settings.getDouble("halving_rate"),
                settings.getInt("num_min_samples"), Mode.valueOf(settings.getString("mode").toUpperCase(Locale.ROOT)));
        return new SearchDefinition(hyperBand, Schedule.valueOf(settings.getString("schedule")),
                settings.getString("metric_key"), settings.getBoolean("stop_on_first_failure"));
    }
}
