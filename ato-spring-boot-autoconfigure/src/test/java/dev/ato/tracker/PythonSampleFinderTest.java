package dev.ato.tracker;

import dev.ato.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ato's {@link RunFinder} on a copy of the database Python ato wrote returns what Python ato's finder returned
 * (conformance/ato/python-ato-sample.expected.json), query by query. Where DEVIATIONS.md (Tracker) says Ato
 * differs, the test asserts Ato's answer and names the difference.
 */
class PythonSampleFinderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    private static RunFinder finder;

    @BeforeAll
    static void openCopy() throws IOException {
        finder = RunFinder.open("jdbc:sqlite:" + PythonSampleDatabase.copyInto(dir));
    }

    @AfterAll
    static void close() {
        finder.close();
    }

    static Stream<Named<JsonNode>> queries() throws IOException {
        try (InputStream in = PythonSampleFinderTest.class
                .getResourceAsStream("/conformance/ato/python-ato-sample.expected.json")) {
            JsonNode root = JSON.readTree(in);
            List<JsonNode> list = new ArrayList<>();
            root.get("queries").forEach(list::add);
            assertThat(list).as("every recorded query").hasSize(28);
            return list.stream().map(q -> Named.of(q.get("method").asString() + q.get("args") + q.get("kwargs"), q));
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("queries")
    void sameAnswerAsPythonAto(JsonNode query) {
        String method = query.get("method").asString();
        JsonNode args = query.get("args");
        JsonNode result = query.get("result");
        switch (method) {
            case "get_runs_in_project" -> assertThat(serialise(finder.runsInProject(args.get(0).asString())))
                    .isEqualTo(plain(result));
            case "find_best_run" -> checkBestRun(args, query.get("kwargs").get("mode").asString(), result);
            case "find_similar_runs" -> {
                long runId = args.get(0).asLong();
                assertThat(serialise(finder.findSimilarRunsInAllProjects(runId))).isEqualTo(plain(result));
                // Deviation (Tracker: find_similar_runs crosses projects): Ato's default stays in the run's project.
                Optional<Run> run = finder.findRun(runId);
                List<Object> sameProject = new ArrayList<>();
                for (Object r : plain(result) instanceof List<?> l ? l : List.of()) {
                    Map<?, ?> row = (Map<?, ?>) r;
                    if (run.isPresent() && ((Number) row.get("project_id")).longValue() == run.get().projectId()) {
                        sameProject.add(row);
                    }
                }
                assertThat(serialise(finder.findSimilarRuns(runId))).isEqualTo(sameProject);
            }
            case "find_similar_runs_by_trace" -> assertThat(serialise(finder.findSimilarRunsByTrace(
                    args.get(0).asLong(), args.get(1).asString(), query.get("kwargs").get("trace_type").asString())))
                    .isEqualTo(plain(result));
            case "get_trace_statistics" -> {
                Optional<TraceStatistics> stats = finder.traceStatistics(args.get(0).asString(), args.get(1).asString());
                if (result.has("error")) {
                    assertThat(result.get("error").asString()).isEqualTo("Project not found");
                    assertThat(stats).isEmpty();
                } else {
                    assertThat(stats).contains(new TraceStatistics(result.get("project_name").asString(),
                            result.get("trace_id").asString(), result.get("static_trace_versions").asLong(),
                            result.get("runtime_trace_versions").asLong()));
                }
            }
            default -> throw new AssertionError("a query the test does not know: " + method);
        }
    }

    private void checkBestRun(JsonNode args, String mode, JsonNode result) {
        String project = args.get(0).asString();
        String key = args.get(1).asString();
        if (mode.equals("MAX")) {
            // Deviation (Tracker: find_best_run sorts ascending for any mode other than 'max'): Python ato ranked
            // 'MAX' as a minimum; Ato's Mode.MAX is the maximum, the same run as mode 'max'.
            BestRun asMin = finder.findBestRun(project, key, Mode.MIN);
            assertThat(asMin).isInstanceOf(BestRun.Found.class);
            assertThat(serialise(((BestRun.Found) asMin).run())).isEqualTo(plain(result));
            BestRun asMax = finder.findBestRun(project, key, Mode.MAX);
            assertThat(((BestRun.Found) asMax).run().id()).isNotEqualTo(result.get("id").asLong()).isEqualTo(2L);
            return;
        }
        BestRun best = finder.findBestRun(project, key, Mode.valueOf(mode.toUpperCase(Locale.ROOT)));
        if (result.has("error")) {
            String error = result.get("error").asString();
            if (error.equals("Project not found")) {
                assertThat(best).isEqualTo(new BestRun.ProjectNotFound(project));
            } else {
                assertThat(error).isEqualTo("Run not found");
                assertThat(best).isEqualTo(new BestRun.NoRunWithMetric(project, key));
            }
        } else {
            assertThat(best).isInstanceOf(BestRun.Found.class);
            assertThat(serialise(((BestRun.Found) best).run())).isEqualTo(plain(result));
        }
    }

    @Test
    void pythonRowsHaveNoHeartbeatSoTheirRunningRunStaysRunning() {
        Run run4 = finder.findRun(4).orElseThrow();
        assertThat(run4.status()).isEqualTo("running");
        assertThat(run4.heartbeatAt()).isNull();
        assertThat(finder.metrics(1)).isNotEmpty();
    }

    private static Object plain(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }

    private static List<Object> serialise(List<Run> runs) {
        return runs.stream().map(PythonSampleFinderTest::serialise).toList();
    }

    /** A run in the expected file's shape: Python's column names, times as stored text. */
    private static Object serialise(Run run) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", (int) run.id());
        row.put("project_id", (int) run.projectId());
        row.put("config", run.config().toMap());
        row.put("structural_hash", run.structuralHash());
        row.put("tags", run.tags());
        row.put("status", run.status());
        row.put("start_time", run.startTime() == null ? null
                : SqlFlavor.PYTHON_DATETIME.format(run.startTime().atOffset(ZoneOffset.UTC)));
        row.put("end_time", run.endTime() == null ? null
                : SqlFlavor.PYTHON_DATETIME.format(run.endTime().atOffset(ZoneOffset.UTC)));
        return JSON.convertValue(row, Object.class);
    }
}
