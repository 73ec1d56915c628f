package dev.ato.hyperopt;

import dev.ato.AtoConfigException;
import dev.ato.AtoException;
import dev.ato.Mode;
import dev.ato.adict.ADict;
import dev.ato.tracker.BestRun;
import dev.ato.tracker.Run;
import dev.ato.tracker.RunFinder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tracked searches on a real SQLite file and, when configured, a real PostgreSQL. */
class TrackedSearchTest {

    private static final SearchSpace SPACE = SearchSpace.builder()
            .integers("x", 0, 15, 16).categories("opt", List.of("sgd", "adam")).build();
    private static final ToDoubleFunction<ADict> OBJECTIVE = c -> -Math.abs(c.getInt("x") - 9) / 4.0
            + (c.getString("opt").equals("adam") ? 0.1 : 0) + 0.01 * c.getInt(HyperBand.NUM_HALVED);

    @TempDir
    Path dir;

    private static HyperBand hyperBand() {
        return new HyperBand(SPACE, 0.5, 2, Mode.MAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
    void aTrackedSearchEqualsTheInProcessOneAndRecordsEveryTrialAsARun(String database) {
        String url = SearchDatabases.of(database, dir);
        String project = "tracked-" + UUID.randomUUID();
        HyperBandResult local = hyperBand().run(ADict.of(Map.of("epochs", 3)), OBJECTIVE);
        try (Searches searches = Searches.open(url); RunFinder finder = RunFinder.open(url)) {
            String id = searches.start(project, hyperBand(), Schedule.SYNCHRONOUS, ADict.of(Map.of("epochs", 3)));
            HyperBandResult tracked = searches.work(id, OBJECTIVE);

            assertThat(tracked.config()).isEqualTo(local.config());
            assertThat(tracked.metric()).isEqualTo(local.metric());
            assertThat(tracked.logs()).hasSameSizeAs(local.logs());
            for (int g = 0; g < local.logs().size(); g++) {
                assertThat(tracked.logs().get(g)).as("generation %d", g).isEqualTo(local.logs().get(g));
            }
            List<Run> runs = finder.runsInProject(project);
            int trials = local.logs().stream().mapToInt(List::size).sum();
            assertThat(runs).hasSize(trials);
            assertThat(runs).allSatisfy(r -> assertThat(r.tags()).contains("hyperband", "search:" + id));
            assertThat(runs.stream().filter(r -> r.tags().contains("generation:1")).count())
                    .isEqualTo(local.logs().get(1).size());

            SearchRecord record = searches.find(id).orElseThrow();
            assertThat(record.status()).isEqualTo("completed");
            assertThat(record.bestMetric()).isEqualTo(local.metric());
            assertThat(record.bestConfig()).isEqualTo(local.config());
            Run best = finder.findRun(record.bestRunId()).orElseThrow();
            assertThat(best.tags()).contains("final");
            assertThat(finder.findBestRun(project, Searches.METRIC_KEY, Mode.MAX))
                    .isInstanceOfSatisfying(BestRun.Found.class, found -> assertThat(found.value())
                            .isEqualTo(local.metric()));
            assertThat(SearchSpace.from(record.space())).isEqualTo(SPACE);
            assertThat(searches.list(project)).extracting(SearchRecord::id).containsExactly(id);
            // a completed search returns its result at once, running nothing
            assertThat(searches.work(id, c -> {
                throw new AssertionError("nothing left to run");
            }).config()).isEqualTo(local.config());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
    void anInterruptedSearchResumesWithoutRunningFinishedTrialsAgain(String database) {
        String url = SearchDatabases.of(database, dir);
        String project = "resume-" + UUID.randomUUID();
        List<String> seen = new ArrayList<>();
        try (Searches searches = Searches.open(url, Duration.ofMillis(400))) {
            String id = searches.start(project, hyperBand(), Schedule.SYNCHRONOUS, new ADict());
            assertThatThrownBy(() -> searches.work(id, c -> {
                if (seen.size() == 20) {
                    throw new WorkerDied();
                }
                seen.add(key(c));
                return OBJECTIVE.applyAsDouble(c);
            })).isInstanceOf(WorkerDied.class);
            assertThat(searches.find(id).orElseThrow().status()).isEqualTo("running");
            List<String> resumed = new ArrayList<>();
            HyperBandResult result = searches.work(id, c -> {
                resumed.add(key(c));
                return OBJECTIVE.applyAsDouble(c);
            });
            assertThat(result.config()).isEqualTo(hyperBand().run(new ADict(), OBJECTIVE).config());
            List<String> all = new ArrayList<>(seen);
            all.addAll(resumed);
            assertThat(all).as("every trial ran once").doesNotHaveDuplicates();
            assertThat(all).hasSize(32 + 16 + 8 + 4 + 2 + 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
    void asynchronousModeFindsTheOptimum(String database) {
        String url = SearchDatabases.of(database, dir);
        try (Searches searches = Searches.open(url)) {
            HyperBandResult result = searches.run("asha-" + UUID.randomUUID(), hyperBand(), Schedule.ASYNCHRONOUS,
                    new ADict(), OBJECTIVE);
            assertThat(result.config().getInt("x")).isEqualTo(9);
            assertThat(result.config().getString("opt")).isEqualTo("adam");
            List<Integer> sizes = result.logs().stream().map(List::size).toList();
            List<Integer> synchronous = hyperBand().generationSizes();
            assertThat(sizes.get(0)).isEqualTo(32);
            assertThat(sizes).hasSize(synchronous.size() + 1);
            for (int rung = 1; rung < synchronous.size(); rung++) {
                // each rung holds at least what the synchronous generation holds (promotions made early add some)
                assertThat(sizes.get(rung)).isGreaterThanOrEqualTo(synchronous.get(rung));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
    void failedTrialsAreFailedRunsUnlessTheSearchStopsOnTheFirst(String database) {
        String url = SearchDatabases.of(database, dir);
        String project = "failing-" + UUID.randomUUID();
        ToDoubleFunction<ADict> failsAtThree = c -> {
            if (c.getInt("x") == 3) {
                throw new IllegalStateException("loss exploded at x=3");
            }
            return OBJECTIVE.applyAsDouble(c);
        };
        try (Searches searches = Searches.open(url); RunFinder finder = RunFinder.open(url)) {
            HyperBandResult result =
                    searches.run(project, hyperBand(), Schedule.SYNCHRONOUS, new ADict(), failsAtThree);
            assertThat(result.config().getInt("x")).isEqualTo(9);
            List<ADict> failed = result.logs().get(0).stream().filter(c -> c.contains(Trials.ERROR)).toList();
            assertThat(failed).hasSize(2).allSatisfy(c -> {
                assertThat(Trials.metric(c)).isEqualTo(Double.NEGATIVE_INFINITY);
                assertThat(c.getString(Trials.ERROR)).contains("loss exploded at x=3");
            });
            assertThat(result.logs().get(0).subList(30, 32)).containsExactlyElementsOf(failed);
            assertThat(finder.runsInProject(project).stream().filter(r -> r.status().equals("failed")).toList())
                    .hasSize(2).allSatisfy(r -> assertThat(r.endReason()).contains("loss exploded at x=3"));

            HyperBand strict = hyperBand();
            strict.setStopOnFirstFailure(true);
            String id = searches.start(project, strict, Schedule.SYNCHRONOUS, new ADict());
            assertThatThrownBy(() -> searches.work(id, failsAtThree)).isInstanceOf(AtoException.class)
                    .hasMessageContaining("stopOnFirstFailure").hasRootCauseMessage("loss exploded at x=3");
            SearchRecord record = searches.find(id).orElseThrow();
            assertThat(record.status()).isEqualTo("failed");
            assertThat(record.error()).contains("loss exploded at x=3");
            assertThatThrownBy(() -> searches.work(id, OBJECTIVE)).isInstanceOf(AtoException.class)
                    .hasMessageContaining("failed");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
    void theHeartbeatKeepsALongTrialFromBeingClaimedTwice(String database) throws Exception {
        String url = SearchDatabases.of(database, dir);
        HyperBand small = new HyperBand(SearchSpace.builder().integers("x", 0, 3, 4).build(), 0.5, 2, Mode.MAX);
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        ToDoubleFunction<ADict> trial = c -> {
            started.add(c.get("x") + "/" + c.get(HyperBand.NUM_HALVED));
            sleep(c.getInt("x") == 0 && c.getInt(HyperBand.NUM_HALVED) == 0 ? 1500 : 10);
            return c.getInt("x");
        };
        try (Searches searches = Searches.open(url, Duration.ofMillis(400))) {
            String id = searches.start("lease-" + UUID.randomUUID(), small, Schedule.SYNCHRONOUS, new ADict());
            ExecutorService workers = Executors.newFixedThreadPool(2);
            Future<HyperBandResult> first = workers.submit(() -> searches.work(id, trial));
            Future<HyperBandResult> second = workers.submit(() -> searches.work(id, trial));
            assertThat(first.get(60, TimeUnit.SECONDS).config()).isEqualTo(second.get(60, TimeUnit.SECONDS).config());
            workers.shutdown();
        }
        // a 1.5 s trial outlived its 400 ms lease several times over: the heartbeat extended it
        assertThat(started).hasSize(4 + 2 + 1).doesNotHaveDuplicates();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite"})
    void badInputIsOneClearError(String database) {
        String url = SearchDatabases.of(database, dir);
        try (Searches searches = Searches.open(url)) {
            assertThatThrownBy(() -> searches.work("no-such-search", OBJECTIVE)).isInstanceOf(AtoConfigException.class)
                    .hasMessageContaining("no search 'no-such-search'");
            assertThatThrownBy(() -> searches.start(" ", hyperBand(), Schedule.SYNCHRONOUS, new ADict()))
                    .isInstanceOf(AtoConfigException.class).hasMessageContaining("project name");
        }
        assertThatThrownBy(() -> Searches.open("jdbc:h2:mem:x")).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("jdbc:sqlite:<file>, jdbc:postgresql://host:port/database or jdbc:mariadb://");
        assertThatThrownBy(() -> Searches.open(url, Duration.ofMillis(10))).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("lease");
    }

    private static String key(ADict c) {
        return c.get("x") + "/" + c.get("opt") + "/" + c.get(HyperBand.NUM_HALVED);
    }

    /** Stands for a worker dying mid-trial: an Error is not a trial failure, so it leaves the trial claimed. */
    private static final class WorkerDied extends Error {
        private static final long serialVersionUID = 1L;
    }

}
