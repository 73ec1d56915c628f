package dev.ato.hyperopt;

import dev.ato.Mode;
import dev.ato.adict.ADict;
import dev.ato.tracker.Run;
import dev.ato.tracker.RunFinder;
import dev.ato.tracker.RunStatus;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pruner sees the reports of trials still running in other processes: two independent {@code Searches} (each with
 * its own connection pool, tracker and memory, sharing only the database) work on one search; worker A logs a report
 * and keeps its trial running, and worker B's pruning decision at the same step depends on A's value.
 */
class CrossProcessPruningTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: A reports {1}, B reports 5 -> B pruned {2}")
    @CsvSource({"sqlite, 1.0, true", "sqlite, 9.0, false", "postgresql, 1.0, true", "postgresql, 9.0, false",
            "mariadb, 1.0, true", "mariadb, 9.0, false"})
    void aPrunerJudgesAgainstTheReportsOfATrialRunningInAnotherProcess(String database, double aValue,
            boolean bPruned) throws Exception {
        String url = SearchDatabases.of(database, dir);
        // two trials open at once, ASHA's first rung at step 1: with two trials there, only the better one goes on
        Tuner tuner = Tuner.builder(Domain.builder().floats("x", 0, 1).build()).sampler(Samplers.random())
                .plan(Plan.trials(2, 9, Pruner.successiveHalving(1, 3), 2)).mode(Mode.MIN).seed(3).build();
        String project = "cross-" + UUID.randomUUID();
        CountDownLatch aReported = new CountDownLatch(1);
        CountDownLatch bDecided = new CountDownLatch(1);
        AtomicBoolean aRunningWhenBDecided = new AtomicBoolean();
        AtomicBoolean bSawStop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Searches a = Searches.open(url); Searches b = Searches.open(url); RunFinder finder = RunFinder.open(url)) {
            String id = a.start(project, tuner, new ADict());
            Future<TuningResult> workerA = pool.submit(() -> a.tune(id, trial -> {
                if (aReported.getCount() == 0) {
                    return 100.0; // not reached: B takes the other trial
                }
                trial.report(1, aValue);
                aReported.countDown();
                await(bDecided);
                aRunningWhenBDecided.set(true);
                return aValue;
            }));
            assertThat(aReported.await(60, TimeUnit.SECONDS)).isTrue();
            Future<TuningResult> workerB = pool.submit(() -> b.tune(id, trial -> {
                trial.report(1, 5.0);
                // A's report reaches the database within the tracker's flush interval, and B's view of it within
                // Searches.REPORT_REFRESH: ask for long enough that a report A logged is certainly seen
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(bPruned ? 20 : 2);
                while (System.nanoTime() < until && !trial.shouldStop()) {
                    sleep(20);
                }
                bSawStop.set(trial.isPruned());
                bDecided.countDown();
                return 5.0;
            }));
            TuningResult resultB = workerB.get(120, TimeUnit.SECONDS);
            TuningResult resultA = workerA.get(120, TimeUnit.SECONDS);
            assertThat(aRunningWhenBDecided).isTrue();
            assertThat(bSawStop.get()).isEqualTo(bPruned);
            assertThat(resultA.trials()).hasSize(2);
            assertThat(resultB.value()).isEqualTo(resultA.value()).isEqualTo(Math.min(aValue, 5.0));
            List<Run> runs = finder.runsInProject(project);
            assertThat(runs).extracting(Run::status).containsExactlyInAnyOrder(RunStatus.COMPLETED.dbValue(),
                    (bPruned ? RunStatus.PRUNED : RunStatus.COMPLETED).dbValue());
        } finally {
            bDecided.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
