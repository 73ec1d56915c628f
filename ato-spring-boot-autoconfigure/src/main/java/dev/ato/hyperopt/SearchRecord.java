package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.ADict;

import java.time.Instant;

/**
 * A tracked search as stored in the database: what it searches, how, and how far it got.
 *
 * @param id          the search id that workers join and resume with
 * @param project     the tracker project holding one run per trial
 * @param space       the search space in Python ato's description ({@link SearchSpace#from} reads it)
 * @param settings    {@code strategy}, {@code halving_rate}, {@code num_min_samples}, {@code mode},
 *                    {@code schedule}, {@code metric_key}, {@code stop_on_first_failure}
 * @param status      {@code running}, {@code completed} or {@code failed}
 * @param generation  the generation being evaluated (synchronous) or the highest rung opened (asynchronous)
 * @param bestRunId   the tracker run of the winner's final evaluation, once completed; otherwise {@code null}
 * @param bestMetric  that run's metric, or {@code null}
 * @param bestConfig  that run's config with {@code __metric__}, or {@code null}
 * @param error       why the search failed, or {@code null}
 * @param createdAt   when {@link Searches#start} recorded it
 * @param updatedAt   when its generation or status last changed
 */
public record SearchRecord(String id, String project, ADict space, ADict settings, String status, int generation,
        @Nullable Long bestRunId, @Nullable Double bestMetric, @Nullable ADict bestConfig, @Nullable String error, Instant createdAt, Instant updatedAt) {
}
