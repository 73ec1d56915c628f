package dev.ato.hyperopt;

import dev.ato.Mode;
import dev.ato.adict.ADict;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A worker process for {@link TrackedTuningTest}: joins a sampled search and works on it until it completes,
 * logging each trial it starts to {@code <log dir>/<pid>.log}, then prints the result.
 *
 * <p>Arguments: JDBC URL, search id, lease in milliseconds, log directory.
 */
public final class TuningWorkerMain {

    /** The trial the kill test waits for: long enough to kill its worker in the middle of it. */
    static final String SLOW_TRIAL = "4/0";

    private TuningWorkerMain() {
    }

    /** BOHB on Branin, Hyperband from budget 1 to 9: 22 trials in three brackets. */
    static Tuner tuner() {
        return Tuner.builder(Fidelity.BRANIN.domain()).sampler(Samplers.bohb()).plan(Plan.hyperband(1, 9, 3))
                .mode(Mode.MIN).seed(11).build();
    }

    /** Deterministic: Branin plus a bias that shrinks with the budget. */
    static double objective(Trial trial) {
        return Fidelity.BRANIN.f(trial.config()) + 5 / trial.budget();
    }

    static String key(ADict config) {
        return config.get(Planner.TRIAL) + "/" + config.get(Halving.NUM_HALVED);
    }

    public static void main(String[] args) {
        Path log = Path.of(args[3]).resolve(ProcessHandle.current().pid() + ".log");
        try (Searches searches = Searches.open(args[0], Duration.ofMillis(Long.parseLong(args[2])))) {
            TuningResult result = searches.tune(args[1], trial -> {
                String key = key(trial.config());
                SearchWorkerMain.append(log, key);
                SearchWorkerMain.sleep(key.equals(SLOW_TRIAL) ? 4000 : 40);
                return objective(trial);
            });
            System.out.println("BEST " + key(result.config()) + " " + result.value());
        }
    }
}
