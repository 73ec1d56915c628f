package dev.ato.hyperopt;

import dev.ato.Mode;
import dev.ato.adict.ADict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * The HyperBand figures of docs/benchmarks.md that are not JMH microbenchmarks: wall-clock speed-up of 4 workers
 * over 1 on sleep-bound trials, how busy workers stay when trial times vary 10x (synchronous vs asynchronous), and
 * search quality on {@link LearningCurve} against the full grid and random search at equal budget. Workers are
 * threads of this JVM sharing one SQLite file, each calling {@link Searches#work} as a worker process would. Run:
 * {@code ./mvnw -B -o -pl ato-spring-boot-autoconfigure test-compile exec:exec -Dexec.executable=java
 * -Dexec.classpathScope=test -Dexec.args="-cp %classpath dev.ato.hyperopt.HyperBandWorkersBench"}.
 */
public final class HyperBandWorkersBench {

    private HyperBandWorkersBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("hyperband-workers");
        try (Searches searches = Searches.open("jdbc:sqlite:" + dir.resolve("experiments.db"))) {
            speedUp(searches);
            busy(searches);
        }
        quality();
    }

    /** 64 configs halved to 8 (121 trials of 200 ms): 1 worker vs 4. */
    private static void speedUp(Searches searches) throws Exception {
        HyperBand hyperBand = new HyperBand(SearchSpace.builder().integers("x", 0, 63, 64).build(), 0.5, 8, Mode.MAX);
        ToDoubleFunction<ADict> trial = c -> {
            sleep(200);
            return c.getInt("x");
        };
        double one = search(searches, hyperBand, Schedule.SYNCHRONOUS, 1, trial).wallSeconds();
        double four = search(searches, hyperBand, Schedule.SYNCHRONOUS, 4, trial).wallSeconds();
        double fourAsync = search(searches, hyperBand, Schedule.ASYNCHRONOUS, 4, trial).wallSeconds();
        System.out.printf(Locale.ROOT, "speed-up: 1 worker %.2f s, 4 workers %.2f s (%.2fx) synchronous,"
                + " %.2f s (%.2fx) asynchronous%n", one, four, one / four, fourAsync, one / fourAsync);
    }

    /** 128 configs halved to 4, trial times 40..400 ms by config: busy fraction of 4 workers. */
    private static void busy(Searches searches) throws Exception {
        HyperBand hyperBand = new HyperBand(SearchSpace.builder().integers("x", 0, 127, 128).build(), 0.5, 4,
                Mode.MAX);
        ToDoubleFunction<ADict> trial = c -> {
            int x = c.getInt("x");
            sleep(Math.round(40 * (1 + 9 * ((x * 0.6180339887) % 1.0))));
            return -Math.abs(x - 77);
        };
        for (Schedule schedule : Schedule.values()) {
            Outcome outcome = search(searches, hyperBand, schedule, 4, trial);
            System.out.printf(Locale.ROOT, "busy: %s %d trials, wall %.2f s, busy %.1f%%, best x=%s%n", schedule,
                    outcome.trials(), outcome.wallSeconds(), 100 * outcome.busyFraction(4),
                    outcome.result().config().get("x"));
        }
    }

    private record Outcome(HyperBandResult result, double wallSeconds, double trialSeconds, long trials) {
        double busyFraction(int workers) {
            return trialSeconds / (workers * wallSeconds);
        }
    }

    private static Outcome search(Searches searches, HyperBand hyperBand, Schedule schedule, int workers,
            ToDoubleFunction<ADict> trial) throws Exception {
        String id = searches.start("bench-workers", hyperBand, schedule, new ADict());
        AtomicLong trialNanos = new AtomicLong();
        AtomicLong trials = new AtomicLong();
        ToDoubleFunction<ADict> timed = c -> {
            long start = System.nanoTime();
            try {
                return trial.applyAsDouble(c);
            } finally {
                trialNanos.addAndGet(System.nanoTime() - start);
                trials.incrementAndGet();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        List<Future<HyperBandResult>> results = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            results.add(pool.submit(() -> searches.work(id, timed)));
        }
        HyperBandResult result = null;
        for (Future<HyperBandResult> f : results) {
            result = f.get();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Outcome(result, wall, trialNanos.get() / 1e9, trials.get());
    }

    /** HyperBand vs the full grid at full budget vs random search at HyperBand's budget (100 seeds). */
    private static void quality() {
        HyperBand hyperBand = new HyperBand(LearningCurve.SPACE, 0.5, 4, Mode.MAX);
        AtomicLong budget = new AtomicLong();
        HyperBandResult result = hyperBand.run(new ADict(), config -> {
            long steps = hyperBand.stepsFor(config, LearningCurve.MAX_STEPS);
            budget.addAndGet(steps);
            return LearningCurve.score(config, steps);
        });
        double best = LearningCurve.gridBest();
        double found = LearningCurve.score(result.config(), LearningCurve.MAX_STEPS);
        long fullBudget = (long) LearningCurve.SPACE.size() * LearningCurve.MAX_STEPS;
        int randomTrials = (int) (budget.get() / LearningCurve.MAX_STEPS);
        List<ADict> grid = LearningCurve.SPACE.grid(new ADict());
        double randomMeanRatio = 0;
        int randomWithinOnePercent = 0;
        for (int seed = 0; seed < 100; seed++) {
            List<ADict> shuffled = new ArrayList<>(grid);
            Collections.shuffle(shuffled, new Random(seed));
            double randomBest = shuffled.subList(0, randomTrials).stream()
                    .mapToDouble(c -> LearningCurve.score(c, LearningCurve.MAX_STEPS)).max().orElseThrow();
            randomMeanRatio += randomBest / best / 100;
            randomWithinOnePercent += randomBest >= 0.99 * best ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "quality: grid %d configs, best %.5f; HyperBand %.5f (%.2f%% of best) with"
                + " %d steps = %.1f%% of the grid's %d; random search with %d full runs: mean %.2f%% of best,"
                + " within 1%% in %d of 100 seeds%n", grid.size(), best, found, 100 * found / best, budget.get(),
                100.0 * budget.get() / fullBudget, fullBudget, randomTrials, 100 * randomMeanRatio,
                randomWithinOnePercent);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
