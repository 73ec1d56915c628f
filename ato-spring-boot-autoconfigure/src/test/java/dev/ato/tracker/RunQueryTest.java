package dev.ato.tracker;

import dev.ato.AtoConfigException;
import dev.ato.Mode;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The typed query builder over a file with runs of known configs, tags, states and metrics. */
class RunQueryTest {

    @TempDir
    static Path dir;
    private static RunFinder finder;
    private static long a;
    private static long b;
    private static long c;
    private static long d;
    private static Instant afterB;

    @BeforeAll
    static void fill() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("q.db");
        try (Tracker tracker = Tracker.open(url)) {
            a = run(tracker, Map.of("lr", 0.1, "opt", Map.of("name", "adam")), List.of("base"), new double[] {0.5, 0.7, 0.6});
            b = run(tracker, Map.of("lr", 0.001, "opt", Map.of("name", "sgd")), List.of("base", "long"),
                    new double[] {0.8, 0.9, 0.4});
            Thread.sleep(5);
            afterB = Instant.now();
            c = run(tracker, Map.of("lr", "3e-4", "opt", Map.of("name", "sgd")), List.of("long"), new double[] {});
            RunHandle open = tracker.start("p", ADict.of(Map.of("lr", 5)), "open");
            d = open.id();
            open.logMetric("acc", 0.95, 0);
            open.flush();
            finder = RunFinder.open(url);
            assertThat(finder.query().status(RunStatus.RUNNING).list()).extracting(Run::id).containsExactly(d);
        }
    }

    private static long run(Tracker tracker, Map<String, Object> config, List<String> tags, double[] acc) {
        try (RunHandle run = tracker.start("p", ADict.of(config), tags)) {
            for (int step = 0; step < acc.length; step++) {
                run.logMetric("acc", acc[step], step);
            }
            return run.id();
        }
    }

    @AfterAll
    static void close() {
        finder.close();
    }

    private static List<Long> ids(RunQuery query) {
        return query.list().stream().map(Run::id).toList();
    }

    @Test
    void filtersByProjectStatusAndTags() {
        assertThat(ids(finder.query().project("p"))).containsExactly(a, b, c, d);
        assertThat(ids(finder.query().project("nope"))).isEmpty();
        // closing the tracker ended the open run as killed
        assertThat(ids(finder.query().status(RunStatus.KILLED))).containsExactly(d);
        assertThat(ids(finder.query().status(RunStatus.COMPLETED, RunStatus.KILLED))).containsExactly(a, b, c, d);
        assertThat(ids(finder.query().tag("base"))).containsExactly(a, b);
        assertThat(ids(finder.query().tag("base").tag("long"))).containsExactly(b);
    }

    @Test
    void filtersByStartTime() {
        assertThat(ids(finder.query().startedBetween(afterB, null))).containsExactly(c, d);
        assertThat(ids(finder.query().startedBetween(null, afterB))).containsExactly(a, b);
    }

    @Test
    void comparesConfigNumbersAsNumbersAndStringsAsText() {
        // "3e-4" is a string in c's config: it is not a number, so no numeric comparison matches it
        assertThat(ids(finder.query().config("lr", ConfigComparison.LT, 0.01))).containsExactly(b);
        assertThat(ids(finder.query().config("lr", ConfigComparison.GE, 0.1))).containsExactly(a, d);
        assertThat(ids(finder.query().config("lr", ConfigComparison.EQ, 5))).containsExactly(d);
        assertThat(ids(finder.query().config("lr", ConfigComparison.EQ, "3e-4"))).containsExactly(c);
        assertThat(ids(finder.query().config("opt.name", ConfigComparison.EQ, "sgd"))).containsExactly(b, c);
        assertThat(ids(finder.query().config("opt.name", ConfigComparison.NE, "sgd"))).containsExactly(a);
        assertThat(ids(finder.query().config("missing.key", ConfigComparison.GT, 0))).isEmpty();
        assertThatThrownBy(() -> finder.query().config("lr", ConfigComparison.EQ, true))
                .hasMessageContaining("config('lr') compares numbers or strings, not Boolean");
    }

    @Test
    void ordersByABestOrLastMetricValueWithRunsWithoutItLast() {
        assertThat(ids(finder.query().orderByBest("acc", Mode.MAX))).containsExactly(d, b, a, c);
        assertThat(ids(finder.query().orderByBest("acc", Mode.MIN))).containsExactly(b, a, d, c);
        assertThat(ids(finder.query().orderByLast("acc", Mode.MAX))).containsExactly(d, a, b, c);
        assertThat(ids(finder.query().orderByLast("acc", Mode.MIN))).containsExactly(b, a, d, c);
    }

    @Test
    void ordersByAnyMetricValueConfigValueOrRunColumnInEitherDirection() {
        // acc: a 0.5, 0.7, 0.6 (last 0.6); b 0.8, 0.9, 0.4 (last 0.4); c none; d 0.95
        assertThat(ids(finder.query().orderByMetric("acc", RunQuery.MetricValue.LAST, false))).containsExactly(b, a, d, c);
        assertThat(ids(finder.query().orderByMetric("acc", RunQuery.MetricValue.LAST, true))).containsExactly(d, a, b, c);
        assertThat(ids(finder.query().orderByMetric("acc", RunQuery.MetricValue.MIN, true))).containsExactly(d, a, b, c);
        assertThat(ids(finder.query().orderByMetric("acc", RunQuery.MetricValue.MAX, false))).containsExactly(a, b, d, c);
        // lr: a 0.1, b 0.001, c "3e-4" (a string: after the numbers), d 5
        assertThat(ids(finder.query().orderByConfig("lr", false))).containsExactly(b, a, d, c);
        assertThat(ids(finder.query().orderByConfig("lr", true))).containsExactly(d, a, b, c);
        assertThat(ids(finder.query().orderByConfig("opt.name", true))).containsExactly(b, c, a, d);
        assertThat(ids(finder.query().orderBy(RunQuery.Field.ID, true))).containsExactly(d, c, b, a);
        assertThat(ids(finder.query().orderBy(RunQuery.Field.START_TIME, false))).containsExactly(a, b, c, d);
        // the tags' JSON text: ["base", "long"] before ["base"]
        assertThat(ids(finder.query().orderBy(RunQuery.Field.TAGS, false))).containsExactly(b, a, c, d);
        assertThat(ids(finder.query().orderBy(RunQuery.Field.STATUS, true))).containsExactly(d, a, b, c);
        assertThat(ids(finder.query().orderBy(RunQuery.Field.DURATION, false))).containsExactlyInAnyOrder(a, b, c, d);
        // a and b share a structure; c (string lr) and d (no opt) have their own
        List<Long> grouped = ids(finder.query().orderByConfig("lr", true).groupedByStructure());
        assertThat(Math.abs(grouped.indexOf(a) - grouped.indexOf(b))).isEqualTo(1);
        assertThat(grouped.indexOf(a)).isLessThan(grouped.indexOf(b));
    }

    @Test
    void countsTheMatchingRunsByStructureAndFindsTheKeysThatVary() {
        assertThat(finder.query().project("p").count()).isEqualTo(4);
        assertThat(finder.query().tag("base").count()).isEqualTo(2);
        String ab = finder.findRun(a).orElseThrow().structuralHash();
        assertThat(finder.query().countByStructure(java.util.Set.of(ab))).containsExactly(Map.entry(ab, 2L));
        assertThat(finder.query().tag("long").countByStructure(java.util.Set.of(ab))).containsExactly(Map.entry(ab, 1L));
        // in the order the stored configs hold their keys (Map.of above has none of its own)
        List<String> varying = finder.query().project("p").varyingConfigKeys(12);
        assertThat(varying).containsExactlyInAnyOrder("lr", "opt.name");
        assertThat(finder.query().tag("base").varyingConfigKeys(12)).containsExactlyElementsOf(varying);
        assertThat(finder.query().project("p").varyingConfigKeys(1)).containsExactly(varying.get(0));
        assertThat(finder.query().tag("long").config("opt.name", ConfigComparison.EQ, "sgd").varyingConfigKeys(12))
                .containsExactly("lr");
    }

    @Test
    void pages() {
        assertThat(ids(finder.query().orderByBest("acc", Mode.MAX).page(1, 2))).containsExactly(b, a);
        assertThat(ids(finder.query().page(3, 10))).containsExactly(d);
        assertThat(ids(finder.query().page(0, 0))).isEmpty();
        assertThatThrownBy(() -> finder.query().page(-1, 2)).isInstanceOf(AtoConfigException.class);
    }

    @Test
    void findsTheBestRunAndSimilarRunsInTheProject() {
        assertThat(finder.findBestRun("p", "acc", Mode.MAX)).isInstanceOf(BestRun.Found.class)
                .extracting(r -> ((BestRun.Found) r).value()).isEqualTo(0.95);
        assertThat(finder.findBestRun("p", "loss", Mode.MIN)).isEqualTo(new BestRun.NoRunWithMetric("p", "loss"));
        // c's lr is a string, so its structure (hash) differs from a's and b's
        assertThat(finder.findSimilarRuns(a)).extracting(Run::id).containsExactly(b);
    }
}
