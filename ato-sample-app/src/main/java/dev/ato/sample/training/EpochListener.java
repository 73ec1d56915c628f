package dev.ato.sample.training;

/**
 * Told about every finished epoch while a run trains, on the training thread: log to a tracker, print progress.
 */
@FunctionalInterface
public interface EpochListener {

    /** Called once per epoch, in order, before the next epoch starts. */
    void epochEnded(EpochMetrics metrics);

    /** This listener, then {@code next}, for every epoch. */
    default EpochListener andThen(EpochListener next) {
        return metrics -> {
            epochEnded(metrics);
            next.epochEnded(metrics);
        };
    }
}
