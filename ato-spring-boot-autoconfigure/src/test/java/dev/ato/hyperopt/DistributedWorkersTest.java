package dev.ato.hyperopt;

import dev.ato.Mode;
import dev.ato.adict.ADict;
import dev.ato.tracker.BestRun;
import dev.ato.tracker.ProjectSummary;
import dev.ato.tracker.Run;
import dev.ato.tracker.RunFinder;
import dev.ato.tracker.RunStatus;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real worker JVMs sharing one search through the database. */
class DistributedWorkersTest {

    private static final SearchSpace SPACE = SearchSpace.builder()
            .integers("x", 0, 15, 16).categories("opt", List.of("sgd", "adam")).build();
    private static final int TRIALS = 32 + 16 + 8 + 4 + 2 + 1;

    @TempDir
    Path dir;

    private static HyperBand hyperBand() {
        return new HyperBand(SPACE, 0.5, 2, Mode.MAX);
    }

    private static String singleWorkerBest() {
        return SearchWorkerMain.key(hyperBand().run(new ADict(), SearchWorkerMain.OBJECTIVE).config());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"sqlite, SYNCHRONOUS", "sqlite, ASYNCHRONOUS", "postgresql, SYNCHRONOUS", "mariadb, SYNCHRONOUS"})
    void fourWorkersRunEveryTrialExactlyOnce(String database, Schedule schedule) throws Exception {
        String url = SearchDatabases.of(database, dir);
        String project = "workers-" + UUID.randomUUID();
        String id;
        try (Searches searches = Searches.open(url)) {
            id = searches.start(project, hyperBand(), schedule, new ADict());
        }
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(startWorker(url, id, 10_000));
        }
        for (Process worker : workers) {
            assertThat(worker.waitFor(120, TimeUnit.SECONDS)).as("worker finished").isTrue();
            assertThat(worker.exitValue()).as("worker exit code, output: %s", output(worker)).isZero();
            assertThat(output(worker)).contains("BEST " + singleWorkerBest());
        }
        List<String> started = startedTrials();
        assertThat(started).doesNotHaveDuplicates();
        if (schedule == Schedule.SYNCHRONOUS) {
            assertThat(started).hasSize(TRIALS);
        } else {
            // ASHA's early promotions add a few trials to the synchronous count
            assertThat(started.size()).isGreaterThanOrEqualTo(TRIALS);
        }
        assertThat(logFiles().filter(f -> size(f) > 0).count()).as("workers that ran trials").isGreaterThan(1);
        try (RunFinder finder = RunFinder.open(url)) {
            assertThat(finder.runsInProject(project)).hasSize(started.size())
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo("completed"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
    void aWorkerKilledMidTrialLeavesTheSameBestConfig(String database) throws Exception {
        String url = SearchDatabases.of(database, dir);
        String id;
        try (Searches searches = Searches.open(url)) {
            id = searches.start("killed-" + UUID.randomUUID(), hyperBand(), Schedule.SYNCHRONOUS, new ADict());
        }
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(startWorker(url, id, 1_000));
        }
        Process victim = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (victim == null && System.nanoTime() < deadline) {
            for (Process worker : workers) {
                Path log = dir.resolve(worker.pid() + ".log");
                if (Files.exists(log) && Files.readAllLines(log).contains(SearchWorkerMain.SLOW_TRIAL)) {
                    victim = worker;
                }
            }
            Thread.sleep(20);
        }
        assertThat(victim).as("a worker started the slow trial").isNotNull();
        victim.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the database
        assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
        workers.remove(victim);
        for (Process worker : workers) {
            assertThat(worker.waitFor(120, TimeUnit.SECONDS)).as("worker finished").isTrue();
            assertThat(worker.exitValue()).as("worker exit code, output: %s", output(worker)).isZero();
            assertThat(output(worker)).contains("BEST " + singleWorkerBest());
        }
        List<String> started = startedTrials();
        assertThat(started).filteredOn(SearchWorkerMain.SLOW_TRIAL::equals).as("the killed trial ran again")
                .hasSize(2);
        assertThat(started.stream().filter(k -> !k.equals(SearchWorkerMain.SLOW_TRIAL)).toList())
                .hasSize(TRIALS - 1).doesNotHaveDuplicates();
        try (Searches searches = Searches.open(url)) {
            assertThat(searches.find(id).orElseThrow().status()).isEqualTo("completed");
        }
    }

    /**
     * Issue 14's stale worker, for real: worker A is stopped (SIGSTOP) in the middle of the slow trial, its lease runs
     * out, worker B takes the trial over and finishes the whole search; then A is resumed (SIGCONT) and reports its
     * late result. The trial keeps B's run; A's run is {@code superseded}, visible by id but in no project query.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
    void aWorkerResumedAfterItsLeaseLeavesNoSecondCompletedRun(String database) throws Exception {
        String url = SearchDatabases.of(database, dir);
        String project = "paused-" + UUID.randomUUID();
        String id;
        try (Searches searches = Searches.open(url)) {
            id = searches.start(project, hyperBand(), Schedule.SYNCHRONOUS, new ADict());
        }
        Process paused = startWorker(url, id, 600);
        Path log = dir.resolve(paused.pid() + ".log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(log) && Files.readAllLines(log).contains(SearchWorkerMain.SLOW_TRIAL))
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(Files.readAllLines(log)).as("worker A started the slow trial").contains(SearchWorkerMain.SLOW_TRIAL);
        signal("STOP", paused);
        try {
            Process other = startWorker(url, id, 600);
            assertThat(other.waitFor(120, TimeUnit.SECONDS)).as("worker B finished the search").isTrue();
            assertThat(other.exitValue()).as("worker B output: %s", output(other)).isZero();
            assertThat(Files.readAllLines(dir.resolve(other.pid() + ".log"))).as("B took the slow trial over")
                    .contains(SearchWorkerMain.SLOW_TRIAL);
        } finally {
            signal("CONT", paused);
        }
        assertThat(paused.waitFor(120, TimeUnit.SECONDS)).as("worker A finished after resuming").isTrue();
        assertThat(paused.exitValue()).as("worker A output: %s", output(paused)).isZero();
        assertThat(output(paused)).contains("BEST " + singleWorkerBest());

        try (RunFinder finder = RunFinder.open(url)) {
            List<Run> listed = finder.runsInProject(project);
            assertThat(listed).hasSize(TRIALS).allSatisfy(r -> assertThat(r.status()).isEqualTo("completed"));
            assertThat(listed.stream().map(r -> SearchWorkerMain.key(r.config())).toList())
                    .as("every trial has one run in the project").doesNotHaveDuplicates();
            assertThat(finder.query().project(project).list()).hasSize(TRIALS);
            List<Run> superseded = finder.query().project(project).status(RunStatus.SUPERSEDED).list();
            assertThat(superseded).hasSize(1);
            Run late = superseded.get(0);
            assertThat(SearchWorkerMain.key(late.config())).isEqualTo(SearchWorkerMain.SLOW_TRIAL);
            assertThat(late.endReason()).contains("recorded by another worker");
            assertThat(finder.findRun(late.id()).orElseThrow().status()).isEqualTo("superseded");
            assertThat(((BestRun.Found) finder.findBestRun(project, Searches.METRIC_KEY, Mode.MAX)).run().id())
                    .isNotEqualTo(late.id());
            assertThat(finder.findSimilarRuns(listed.get(0).id())).extracting(Run::id).doesNotContain(late.id());
            assertThat(finder.projects()).filteredOn(p -> p.name().equals(project))
                    .extracting(ProjectSummary::runs).containsExactly((long) TRIALS);
        }
        try (Searches searches = Searches.open(url)) {
            assertThat(searches.find(id).orElseThrow().status()).isEqualTo("completed");
            assertThat(searches.result(id).logs().get(0)).as("generation 0 holds each config once").hasSize(32);
        }
    }

    private static void signal(String signal, Process process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s", signal).isTrue();
    }

    private Process startWorker(String url, String searchId, long leaseMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), SearchWorkerMain.class.getName(), url, searchId,
                String.valueOf(leaseMillis), dir.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(dir.resolve(UUID.randomUUID() + ".out").toFile());
        Process process = builder.start();
        outputs.add(new Output(process, builder.redirectOutput().file().toPath()));
        return process;
    }

    private record Output(Process process, Path file) {
    }

    private final List<Output> outputs = new ArrayList<>();

    private String output(Process process) throws IOException {
        for (Output output : outputs) {
            if (output.process() == process) {
                return Files.readString(output.file());
            }
        }
        throw new IllegalArgumentException("unknown process");
    }

    private List<String> startedTrials() throws IOException {
        List<String> started = new ArrayList<>();
        for (Path log : logFiles().toList()) {
            started.addAll(Files.readAllLines(log));
        }
        return started;
    }

    private Stream<Path> logFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".log")).toList().stream();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
