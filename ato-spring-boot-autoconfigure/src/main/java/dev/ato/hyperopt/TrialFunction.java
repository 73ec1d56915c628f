package dev.ato.hyperopt;

/** The work of one trial of a sampled search: train with {@link Trial#config()} for {@link Trial#budget()}. */
@FunctionalInterface
public interface TrialFunction {

    /**
     * Runs the trial and returns its result. Report intermediate values with {@link Trial#report} and return early
     * (with the last value) once {@link Trial#shouldStop()} says so.
     */
    double run(Trial trial);
}
