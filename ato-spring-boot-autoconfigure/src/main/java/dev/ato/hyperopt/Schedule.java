package dev.ato.hyperopt;

/** How workers sharing a tracked search move configs from one generation (rung) to the next. */
public enum Schedule {
    /**
     * Python ato's generations: the next generation is formed when every trial of the current one has finished, so
     * a deterministic objective gives the same result with any number of workers.
     */
    SYNCHRONOUS,
    /**
     * ASHA: a config moves up as soon as it is in the top {@code halvingRate} of the results finished so far at its
     * rung, up to the synchronous schedule's last generation, so no worker waits for stragglers. The first rung is
     * evaluated in a shuffled order (seeded by the search id), since promotions judge the results seen so far.
     */
    ASYNCHRONOUS
}
