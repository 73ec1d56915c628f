package dev.ato.hyperopt;

import dev.ato.adict.ADict;
import dev.ato.tracker.MetricPoint;
import dev.ato.tracker.Run;
import dev.ato.tracker.RunFinder;
import dev.ato.tracker.RunStatus;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sampled searches in the tracker's database: the same trials as in memory, pruned runs, workers, kill -9. */
class TrackedTuningTest {

    @TempDir
    Path dir;

    private static double steps(Trial trial) {
        double value = Double.NaN;
        for (int step = 1; step <= trial.budget(); step++) {
            value = Fidelity.BRANIN.f(trial.config()) + 10.0 / step;
            trial.report(step, value);
            if (trial.shouldStop()) {
                break;
            }
        }
        return value;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
    void aTrackedSearchRunsTheTrialsOfTheInMemoryOneAndRecordsPrunedRuns(String database) {
        Tuner tuner = Tuner.builder(Fidelity.BRANIN.domain()).sampler(Samplers.tpe(false, 5, 24))
                .plan(Plan.trials(20, 9, Pruner.median(3, 1))).seed(5).build();
        TuningResult memory = tuner.run(new ADict(), TrackedTuningTest::steps);
        String url = SearchDatabases.of(database, dir);
        String project = "tuning-" + UUID.randomUUID();
        try (Searches searches = Searches.open(url); RunFinder finder = RunFinder.open(url)) {
            TuningResult tracked = searches.tune(project, tuner, new ADict().put("model", "m"),
                    TrackedTuningTest::steps);
            assertThat(tracked.trials()).extracting(s -> s.number() + "/" + s.status() + "/" + s.spent() + "/"
                    + s.value()).containsExactlyElementsOf(memory.trials().stream().map(s -> s.number() + "/"
                    + s.status() + "/" + s.spent() + "/" + s.value()).toList());
            assertThat(tracked.value()).isEqualTo(memory.value());
            assertThat(tracked.config().getString("model")).isEqualTo("m");
            List<Run> runs = finder.runsInProject(project);
            long pruned = memory.trials().stream().filter(s -> s.status().equals("pruned")).count();
            assertThat(pruned).isPositive();
            assertThat(runs).filteredOn(r -> r.status().equals(RunStatus.PRUNED.dbValue())).hasSize((int) pruned);
            TuningResult.TrialSummary first = tracked.trials().get(0);
            List<MetricPoint> reports = finder.metrics(first.runId()).stream()
                    .filter(p -> p.key().equals(Trial.REPORT_KEY)).toList();
            assertThat(reports).hasSize((int) first.spent());
            String id = searches.list(project).get(0).id();
            assertThat(searches.find(id).orElseThrow().status()).isEqualTo("completed");
            assertThatThrownBy(() -> searches.work(id, c -> 0.0)).isInstanceOf(dev.ato.AtoConfigException.class)
                    .hasMessageContaining("is a sampled search; join it with Searches.tune");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
    void threeWorkersShareAHyperbandSearchAndAgreeWithOneWorker(String database) throws Exception {
        TuningResult memory = TuningWorkerMain.tuner().run(new ADict(), TuningWorkerMain::objective);
        String url = SearchDatabases.of(database, dir);
        try (Searches searches = Searches.open(url)) {
            String id = searches.start("tuning-" + UUID.randomUUID(), TuningWorkerMain.tuner(), new ADict());
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<TuningResult>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(pool.submit(() -> searches.tune(id, TuningWorkerMain::objective)));
            }
            for (Future<TuningResult> result : results) {
                TuningResult shared = result.get(120, TimeUnit.SECONDS);
                assertThat(shared.value()).isEqualTo(memory.value());
                assertThat(shared.trials()).hasSize(22);
            }
            pool.shutdown();
            assertThat(memory.trials()).hasSize(22);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
    void aWorkerKilledMidTrialIsReplacedAndTheResultIsUnchanged(String database) throws Exception {
        TuningResult memory = TuningWorkerMain.tuner().run(new ADict(), TuningWorkerMain::objective);
        String url = SearchDatabases.of(database, dir);
        String id;
        try (Searches searches = Searches.open(url)) {
            id = searches.start("tuning-killed-" + UUID.randomUUID(), TuningWorkerMain.tuner(), new ADict());
        }
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            workers.add(startWorker(url, id));
        }
        Process victim = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (victim == null && System.nanoTime() < deadline) {
            for (Process worker : workers) {
                Path log = dir.resolve(worker.pid() + ".log");
                if (Files.exists(log) && Files.readAllLines(log).contains(TuningWorkerMain.SLOW_TRIAL)) {
                    victim = worker;
                }
            }
            Thread.sleep(20);
        }
        assertThat(victim).as("a worker started the slow trial").isNotNull();
        victim.destroyForcibly(); // SIGKILL
        assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
        workers.remove(victim);
        Process survivor = workers.get(0);
        assertThat(survivor.waitFor(120, TimeUnit.SECONDS)).as("worker finished").isTrue();
        String output = Files.readString(outputs.get(survivor));
        assertThat(survivor.exitValue()).as("exit code, output: %s", output).isZero();
        assertThat(output).contains("BEST " + TuningWorkerMain.key(memory.config()) + " " + memory.value());
        List<String> started = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                started.addAll(Files.readAllLines(log));
            }
        }
        assertThat(started).filteredOn(TuningWorkerMain.SLOW_TRIAL::equals).as("the killed trial ran again")
                .hasSize(2);
        assertThat(started.stream().filter(k -> !k.equals(TuningWorkerMain.SLOW_TRIAL)).toList()).hasSize(21)
                .doesNotHaveDuplicates();
    }

    private Process startWorker(String url, String searchId) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), TuningWorkerMain.class.getName(), url, searchId, "1000",
                dir.toString());
        builder.redirectErrorStream(true);
        Path out = dir.resolve(UUID.randomUUID() + ".out");
        builder.redirectOutput(out.toFile());
        Process process = builder.start();
        outputs.put(process, out);
        return process;
    }

    private final java.util.Map<Process, Path> outputs = new java.util.HashMap<>();
}
