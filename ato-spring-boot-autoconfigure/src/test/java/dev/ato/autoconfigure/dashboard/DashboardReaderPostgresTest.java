package dev.ato.autoconfigure.dashboard;

import dev.ato.Mode;
import dev.ato.adict.ADict;
import dev.ato.hyperopt.HyperBand;
import dev.ato.hyperopt.Schedule;
import dev.ato.hyperopt.SearchSpace;
import dev.ato.hyperopt.Searches;
import dev.ato.tracker.RunFinder;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.RunStatus;
import dev.ato.tracker.Tracker;
import dev.ato.tracker.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's queries on a real PostgreSQL and a real MariaDB, where JSON, time, NaN and table names differ from
 * SQLite; each runs when its URL is set ({@link TestDatabases}).
 */
class DashboardReaderPostgresTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void readsRunsMetricsArtifactsAndSearches(String vendor) {
        String url = TestDatabases.url(vendor);
        String project = "dashboard-" + UUID.randomUUID();
        long first;
        long second;
        long third;
        try (Tracker tracker = Tracker.open(url)) {
            ADict config = ADict.of(Map.of("lr", 0.1, "note", KnownRuns.SCRIPT));
            try (RunHandle run = tracker.start(project, config, "a")) {
                first = run.id();
                run.logMetric("loss", 1.0, 0);
                run.logMetric("loss", Double.NaN, 1);
                run.logMetric("loss", 0.5, 2);
                run.logArtifact("model.bin", "model", Map.of("epoch", 1));
            }
            try (RunHandle run = tracker.start(project, ADict.of(Map.of("lr", 0.01, "note", "x")), "b")) {
                second = run.id();
                run.finish(RunStatus.KILLED);
            }
            try (RunHandle run = tracker.start(project, ADict.of(Map.of("lr", "fast")), "c")) {
                third = run.id();
                run.logMetric("loss", 0.2, 0);
            }
        }
        String searchId;
        try (Searches searches = Searches.open(url)) {
            SearchSpace space = SearchSpace.builder().floats("lr", 0.1, 0.4, 4).build();
            searchId = searches.start(project + "-search", new HyperBand(space, 0.5, 2, Mode.MAX),
                    Schedule.SYNCHRONOUS, new ADict());
            searches.work(searchId, c -> c.getDouble("lr"));
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
        DashboardReader reader = new DashboardReader(RunFinder.create(dataSource),
                dev.ato.sanitize.Sanitizer.defaults());

        assertThat(reader.projects()).anyMatch(p -> p.name().equals(project) && p.runs() >= 2);
        Views.RunsPage page = reader.runs(filtered(project, List.of(), List.of(), List.of()));
        assertThat(page.varyingKeys()).containsExactlyInAnyOrder("lr", "note"); // jsonb keeps its own key order
        assertThat(page.total()).isEqualTo(3);
        assertThat(reader.runs(filtered(project, List.of("killed"), List.of(), List.of())).runs())
                .extracting(Views.RunRow::id).containsExactly(second);
        assertThat(reader.runs(filtered(project, List.of(), List.of("a"), List.of("lr>=0.05"))).runs())
                .extracting(Views.RunRow::id).containsExactly(first);
        assertThat(reader.runs(filtered(project, List.of(), List.of(), List.of("note='" + KnownRuns.SCRIPT + "'")))
                .runs()).extracting(Views.RunRow::id).containsExactly(first);

        // the runs table's order is the database's: numbers before strings, missing values last either way
        assertThat(sorted(reader, project, "m:loss", false)).containsExactly(third, first, second);
        assertThat(sorted(reader, project, "m:loss", true)).containsExactly(first, third, second);
        assertThat(sorted(reader, project, "m:loss:max", false)).containsExactly(third, first, second); // NaN ignored
        assertThat(sorted(reader, project, "m:loss:min", true)).containsExactly(first, third, second);
        assertThat(sorted(reader, project, "p:lr", false)).containsExactly(second, first, third);
        assertThat(sorted(reader, project, "p:lr", true)).containsExactly(first, second, third);
        assertThat(sorted(reader, project, "p:note", false)).containsExactly(first, second, third);
        assertThat(sorted(reader, project, "p:note", true)).containsExactly(second, first, third);
        assertThat(sorted(reader, project, "status", false)).containsExactly(first, third, second);
        assertThat(sorted(reader, project, "tags", true)).containsExactly(third, second, first);
        assertThat(sorted(reader, project, "id", true)).containsExactly(third, second, first);
        assertThat(sorted(reader, project, "startTime", false)).containsExactly(first, second, third);
        assertThat(sorted(reader, project, "duration", false)).hasSize(3);
        assertThat(sorted(reader, project, "structuralHash", false)).hasSize(3);
        Views.RunsPage grouped = reader.runs(new RunsRequest(project, List.of(), List.of(), List.of(), "p:lr", false,
                true, 1, 1, List.of("m:loss")));
        assertThat(grouped.total()).isEqualTo(3);
        assertThat(grouped.runs()).hasSize(1);
        assertThat(grouped.runs().get(0).config()).isEmpty();
        assertThat(grouped.groups().values()).containsAnyOf(1L, 2L);

        Views.RunDetail run = reader.run(first);
        assertThat(run.project()).isEqualTo(project);
        assertThat(run.artifacts()).extracting(Views.ArtifactRow::path).containsExactly("model.bin");
        Views.MetricBatch metrics = reader.metrics(first, null, 0, DashboardReader.LIVE_PAGE);
        assertThat(metrics.series().get("loss").values()).containsExactly(1.0, null, 0.5);
        assertThat(reader.metrics(first, null, metrics.cursor(), DashboardReader.LIVE_PAGE).series()).isEmpty();
        // the streamed, downsampled read runs in a transaction with a fetch size on PostgreSQL
        assertThat(reader.series(first, "loss", null, null, 400).series().get("loss").values())
                .containsExactly(1.0, null, 0.5);

        assertThat(reader.hasSearchTables()).isTrue();
        assertThat(reader.searches(project + "-search")).extracting(Views.SearchSummary::id).contains(searchId);
        Views.SearchDetail search = reader.search(searchId);
        assertThat(search.trials().stream().filter(t -> t.generation() == 0)).hasSize(4);
        assertThat(search.trials().stream().filter(t -> t.generation() == 0 && t.survivor())).hasSize(2);
    }

    private static RunsRequest filtered(String project, List<String> statuses, List<String> tags, List<String> configs) {
        return new RunsRequest(project, statuses, tags, configs, "id", false, false, 0, RunsRequest.DEFAULT_LIMIT, null);
    }

    private static List<Long> sorted(DashboardReader reader, String project, String sort, boolean descending) {
        return reader.runs(new RunsRequest(project, List.of(), List.of(), List.of(), sort, descending, false, 0, 10,
                null)).runs().stream().map(Views.RunRow::id).toList();
    }
}
