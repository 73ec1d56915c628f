package dev.ato.hyperopt;

import dev.ato.adict.ADict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * A worker process for {@link DistributedWorkersTest}: joins a search and works on it until it completes, logging
 * each trial it starts to {@code <log dir>/<pid>.log}, then prints the result's config.
 *
 * <p>Arguments: JDBC URL, search id, lease in milliseconds, log directory.
 */
public final class SearchWorkerMain {

    /** The objective every worker (and the single-worker reference) uses: deterministic, with a known optimum. */
    static final ToDoubleFunction<ADict> OBJECTIVE = c -> -Math.abs(c.getInt("x") - 9) / 4.0
            + (c.getString("opt").equals("adam") ? 0.1 : 0) + 0.01 * c.getInt(HyperBand.NUM_HALVED);

    /** The trial the kill test waits for: it runs long enough to kill its worker mid-trial. */
    static final String SLOW_TRIAL = "9/adam/0";

    private SearchWorkerMain() {
    }

    public static void main(String[] args) {
        Path log = Path.of(args[3]).resolve(ProcessHandle.current().pid() + ".log");
        try (Searches searches = Searches.open(args[0], Duration.ofMillis(Long.parseLong(args[2])))) {
            HyperBandResult result = searches.work(args[1], config -> {
                String key = key(config);
                append(log, key);
                sleep(key.equals(SLOW_TRIAL) ? 4000 : 60);
                return OBJECTIVE.applyAsDouble(config);
            });
            System.out.println("BEST " + key(result.config()));
        }
    }

    static String key(ADict config) {
        return config.get("x") + "/" + config.get("opt") + "/" + config.get(HyperBand.NUM_HALVED);
    }

    static void append(Path log, String line) {
        try {
            Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
