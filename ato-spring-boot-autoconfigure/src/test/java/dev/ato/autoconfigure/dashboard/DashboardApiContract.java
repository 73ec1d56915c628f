package dev.ato.autoconfigure.dashboard;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON endpoints over a real SQLite file (filters, run details, series, compare, errors, read-only, headers),
 * the same for every server that carries the dashboard: Spring MVC ({@link DashboardApiTest}) and the JDK's HTTP
 * server of the {@code dashboard} command ({@link DashboardHttpServerTest}).
 */
interface DashboardApiContract {

    HttpClient HTTP = HttpClient.newHttpClient();
    JsonMapper JSON = JsonMapper.builder().build();

    /** The absolute URL of a path on the server under test. */
    String url(String path);

    KnownRuns runs();

    @Test
    default void listsProjectsWithTheirRunCounts() throws Exception {
        JsonNode projects = get("/ato/api/projects", 200);
        JsonNode vision = null;
        for (JsonNode project : projects) {
            vision = project.get("name").asString().equals(KnownRuns.PROJECT) ? project : vision;
        }
        assertThat(vision).as(projects.toString()).isNotNull();
        assertThat(vision.get("runs").asLong()).isEqualTo(4);
    }

    @Test
    default void runsTableReportsCrashedAndKilledAndTheKeysThatVary() throws Exception {
        JsonNode page = get("/ato/api/runs?project=vision", 200);
        List<String> statuses = new ArrayList<>();
        page.get("runs").forEach(r -> statuses.add(r.get("status").asString()));
        assertThat(statuses).containsExactly("completed", "failed", "killed", "crashed");
        List<String> varying = new ArrayList<>();
        get("/ato/api/runs?project=vision&tag=tuned", 200).get("varyingKeys").forEach(k -> varying.add(k.asString()));
        assertThat(varying).containsExactly("lr");
    }

    @Test
    default void filtersByStatusTagAndConfigValue() throws Exception {
        assertThat(ids(get("/ato/api/runs?project=vision&status=crashed", 200))).containsExactly(runs().crashed());
        assertThat(ids(get("/ato/api/runs?project=vision&tag=tuned", 200)))
                .containsExactly(runs().tuned(), runs().crashed());
        assertThat(ids(get("/ato/api/runs?project=vision&config=lr%3C0.02", 200)))
                .containsExactly(runs().tuned(), runs().hostile());
        assertThat(ids(get("/ato/api/runs?project=vision&config=optimizer%3Dadam&status=killed", 200)))
                .containsExactly(runs().hostile());
        // a quote in a value is bound, not spliced into SQL
        assertThat(ids(get("/ato/api/runs?project=vision&config=optimizer%3D%27x%27%27%20OR%201%3D1--%27", 200)))
                .isEmpty();
    }

    @Test
    default void aBadFilterIsOneClearError() throws Exception {
        JsonNode error = get("/ato/api/runs?project=vision&config=lr~0.1", 400);
        assertThat(error.get("error").asString()).contains("lr~0.1").contains("lr<0.01");
        JsonNode status = get("/ato/api/runs?project=vision&status=sleeping", 400);
        assertThat(status.get("error").asString()).contains("sleeping").contains("crashed");
    }

    @Test
    default void runDetailHasOriginsArtifactsWithSizeAndChecksumAndFingerprints() throws Exception {
        JsonNode run = get("/ato/api/runs/" + runs().baseline(), 200);
        assertThat(run.get("config").get("model").get("depth").asInt()).isEqualTo(101);
        assertThat(run.get("origins").get("model.depth").asString()).isEqualTo("view 'deep'");
        assertThat(run.get("origins").get("lr").asString()).contains("command-line literal");
        JsonNode artifact = run.get("artifacts").get(0);
        assertThat(run.get("artifacts")).hasSize(1);
        assertThat(artifact.get("sizeBytes").asLong()).isEqualTo(2048);
        assertThat(artifact.get("sha256").asString()).hasSize(64);
        assertThat(run.get("fingerprints").get(0).get("fingerprint").asString()).isEqualTo("abc123");
    }

    @Test
    default void metricsComeInBatchesAfterACursor() throws Exception {
        JsonNode all = get("/ato/api/runs/" + runs().baseline() + "/metrics", 200);
        assertThat(all.get("series").get("loss").get("steps")).hasSize(KnownRuns.BASELINE_POINTS);
        assertThat(all.get("series").get("accuracy").get("values")).hasSize(KnownRuns.BASELINE_POINTS);
        JsonNode none = get("/ato/api/runs/" + runs().baseline() + "/metrics?after=" + all.get("cursor").asLong(), 200);
        assertThat(none.get("series").size()).isZero();
        assertThat(none.get("status").asString()).isEqualTo("completed");
    }

    @Test
    default void compareMarksTheKeysThatDifferAndTheStructure() throws Exception {
        JsonNode same = get("/ato/api/compare?ids=" + runs().baseline() + "," + runs().tuned(), 200);
        List<String> differing = new ArrayList<>();
        same.get("keys").forEach(k -> {
            if (k.get("differs").asBoolean()) {
                differing.add(k.get("key").asString());
            }
        });
        assertThat(differing).containsExactly("lr");
        assertThat(same.get("sameStructure").asBoolean()).isTrue();
        JsonNode other = get("/ato/api/compare?ids=" + runs().baseline() + "," + runs().hostile(), 200);
        assertThat(other.get("sameStructure").asBoolean()).isFalse();
        JsonNode one = get("/ato/api/compare?ids=" + runs().baseline(), 400);
        assertThat(one.get("error").asString()).contains("2 to 10 run ids");
    }

    @Test
    default void searchesShowEveryGenerationAndTheSurvivors() throws Exception {
        JsonNode searches = get("/ato/api/searches?project=" + KnownRuns.SEARCH_PROJECT, 200);
        assertThat(searches).hasSize(1);
        assertThat(searches.get(0).get("status").asString()).isEqualTo("completed");
        JsonNode search = get("/ato/api/searches/" + runs().searchId(), 200);
        List<Integer> generations = new ArrayList<>();
        int survivors = 0;
        for (JsonNode trial : search.get("trials")) {
            generations.add(trial.get("generation").asInt());
            survivors += trial.get("generation").asInt() == 0 && trial.get("survivor").asBoolean() ? 1 : 0;
            assertThat(trial.get("metric").isNumber()).as(trial.toString()).isTrue();
        }
        assertThat(generations.get(0)).isZero();
        assertThat(generations.stream().filter(g -> g == 0)).hasSize(8);
        assertThat(generations.stream().distinct().count()).isGreaterThan(1);
        assertThat(survivors).isEqualTo(4); // halving rate 0.5 of 8 configs
        assertThat(search.get("bestMetric").asDouble()).isPositive();
    }

    @Test
    default void mergeOrderComesFromTheApplicationsScopes() throws Exception {
        JsonNode scopes = get("/ato/api/scopes", 200);
        JsonNode train = scopes.get(0);
        assertThat(train.get("name").asString()).isEqualTo("train");
        List<String> layers = new ArrayList<>();
        train.get("layers").forEach(l -> layers.add(l.get("kind").asString() + ":" + l.get("name").asString()));
        assertThat(layers).containsSubsequence("VIEW:defaults", "VIEW:fast", "LAZY_VIEW:steps");
        JsonNode history = get("/ato/api/scopes/train/history?key=lr", 200);
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("description").asString()).isEqualTo("view 'fast'");
        assertThat(get("/ato/api/scopes/train/history?key=nope", 404).get("error").asString()).contains("nope");
    }

    @Test
    default void unknownThingsAreNotFoundWithAMessage() throws Exception {
        assertThat(get("/ato/api/runs/999999", 404).get("error").asString()).contains("999999");
        assertThat(get("/ato/api/searches/nope", 404).get("error").asString()).contains("nope");
    }

    @Test
    default void noRequestChangesTheDatabase() throws Exception {
        long before = Files.size(runs().database()) + rows();
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            for (String path : List.of("/ato/api/runs/" + runs().baseline(), "/ato/api/projects", "/ato/index.html")) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(method + " " + path).isIn(405, 403);
            }
        }
        assertThat(Files.size(runs().database()) + rows()).isEqualTo(before);
    }

    @Test
    default void pagesAndTheChartLibraryAreServedWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = send("/ato/runs.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("dashboard.js").isEqualTo(send("/ato/index.html").body());
        assertThat(send("/ato/no-such-page.html").statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'");
        assertThat(send("/ato/assets/uplot/dist/uPlot.iife.min.js").statusCode()).isEqualTo(200);
        HttpResponse<String> root = send("/ato");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).get().asString().endsWith("/ato/index.html");
    }

    @Test
    default void runsTableHasAColumnPerMetricWithLastLowestAndHighest() throws Exception {
        JsonNode page = get("/ato/api/runs?project=vision", 200);
        List<String> keys = new ArrayList<>();
        page.get("metricKeys").forEach(k -> keys.add(k.asString()));
        assertThat(keys).containsExactly("accuracy", "loss");
        JsonNode baseline = null;
        for (JsonNode run : page.get("runs")) {
            baseline = run.get("id").asLong() == runs().baseline() ? run : baseline;
        }
        JsonNode loss = baseline.get("metrics").get("loss");
        assertThat(loss.get("last").asDouble()).isEqualTo(1.0 / KnownRuns.BASELINE_POINTS);
        assertThat(loss.get("min").asDouble()).isEqualTo(1.0 / KnownRuns.BASELINE_POINTS);
        assertThat(loss.get("max").asDouble()).isEqualTo(1.0);
        assertThat(loss.get("count").asLong()).isEqualTo(KnownRuns.BASELINE_POINTS);
    }

    @Test
    default void longSeriesAreDownsampledKeepingTheExtremesAndExactWhenZoomedIn() throws Exception {
        JsonNode all = get("/ato/api/runs/" + runs().long_() + "/series?points=400", 200).get("series").get("loss");
        assertThat(all.get("exact").asBoolean()).isFalse();
        assertThat(all.get("count").asLong()).isEqualTo(KnownRuns.LONG_POINTS);
        assertThat(all.get("steps").size()).isBetween(200, 400);
        List<Double> values = new ArrayList<>();
        all.get("values").forEach(v -> values.add(v.asDouble()));
        assertThat(values).contains(KnownRuns.SPIKE); // the one spike survives 50:1 downsampling
        assertThat(values.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).isLessThan(0.001);
        assertThat(all.get("steps").get(0).asLong()).isZero();
        assertThat(all.get("steps").get(all.get("steps").size() - 1).asLong())
                .isEqualTo(KnownRuns.LONG_POINTS - 1);

        JsonNode zoomed = get("/ato/api/runs/" + runs().long_() + "/series?key=loss&from=12300&to=12399&points=400",
                200).get("series").get("loss");
        assertThat(zoomed.get("exact").asBoolean()).isTrue();
        assertThat(zoomed.get("steps")).hasSize(100);
        assertThat(zoomed.get("steps").get(45).asLong()).isEqualTo(KnownRuns.SPIKE_STEP);
        assertThat(get("/ato/api/runs/" + runs().long_() + "/series?points=1", 400).get("error").asString())
                .contains("points");
    }

    @Test
    default void rawPointsAreExportedInPages() throws Exception {
        long cursor = 0;
        int total = 0;
        int pages = 0;
        boolean more = true;
        while (more) {
            JsonNode page = get("/ato/api/runs/" + runs().long_() + "/metrics?key=loss&limit=6000&after=" + cursor,
                    200);
            total += page.get("series").get("loss").get("steps").size();
            cursor = page.get("cursor").asLong();
            more = page.get("more").asBoolean();
            pages++;
        }
        assertThat(total).isEqualTo(KnownRuns.LONG_POINTS);
        assertThat(pages).isEqualTo(4);
        assertThat(get("/ato/api/runs/" + runs().long_() + "/metrics?limit=10001", 400).get("error").asString())
                .contains("limit");
    }

    @Test
    default void aProjectNameWithSlashSpaceAndNonAsciiWorksInEveryRoute() throws Exception {
        String name = java.net.URLEncoder.encode(KnownRuns.ODD_PROJECT, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(get("/ato/api/projects", 200).toString()).contains(KnownRuns.ODD_PROJECT);
        assertThat(ids(get("/ato/api/runs?project=" + name, 200))).containsExactly(runs().odd());
        assertThat(get("/ato/api/searches?project=" + name, 200)).isEmpty();
        assertThat(get("/ato/api/runs/" + runs().odd(), 200).get("project").asString())
                .isEqualTo(KnownRuns.ODD_PROJECT);
        assertThat(send("/ato/runs.html?project=" + name).statusCode()).isEqualTo(200);
        assertThat(send("/ato/charts.html?project=" + name).statusCode()).isEqualTo(200);
    }

    @Test
    default void theChartLibrariesAreServed() throws Exception {
        assertThat(send("/ato/assets/echarts/echarts.min.js").statusCode()).isEqualTo(200);
        assertThat(send("/ato/assets/echarts/../../dashboard.js").statusCode()).isIn(400, 404);
        assertThat(send("/ato/api/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    default void secretsInConfigsNeverLeaveTheServer() throws Exception {
        String name = java.net.URLEncoder.encode(KnownRuns.ODD_PROJECT, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> run = send("/ato/api/runs/" + runs().odd());
        assertThat(run.body()).doesNotContain(KnownRuns.SECRET);
        assertThat(JSON.readTree(run.body()).get("config").get("db").get("password").asString()).isEqualTo("******");
        assertThat(JSON.readTree(run.body()).get("config").get("db").get("host").asString()).isEqualTo("db.local");
        assertThat(send("/ato/api/runs?project=" + name).body()).doesNotContain(KnownRuns.SECRET);
        assertThat(send("/ato/api/compare?ids=" + runs().odd() + "," + runs().baseline()).body())
                .doesNotContain(KnownRuns.SECRET);
        // filtering on a secret would reveal it one guess at a time
        assertThat(get("/ato/api/runs?project=" + name + "&config=db.password%3Dhunter2-s3cr3t", 400)
                .get("error").asString()).contains("secret").doesNotContain(KnownRuns.SECRET);
    }

    @Test
    default void survivorsAreDecidedByTheSearchsHalvingRule() throws Exception {
        JsonNode search = get("/ato/api/searches/" + runs().searchId(), 200);
        List<String> outcomes = new ArrayList<>();
        for (JsonNode trial : search.get("trials")) {
            if (trial.get("generation").asInt() == 0) {
                outcomes.add(trial.get("outcome").asString());
            }
        }
        assertThat(outcomes).hasSize(8);
        assertThat(outcomes.stream().filter("survived"::equals)).hasSize(4);
        assertThat(outcomes.stream().filter("cut"::equals)).hasSize(4);
    }

    @Test
    default void runsAreFilteredSortedPagedAndCutToTheChosenColumnsByTheServer() throws Exception {
        JsonNode first = get("/ato/api/runs?project=vision&sort=m%3Aloss&dir=asc&limit=1", 200);
        assertThat(ids(first)).containsExactly(runs().baseline()); // last loss 1/50 before tuned's 2/30
        assertThat(first.get("total").asLong()).isEqualTo(4);
        assertThat(first.get("varyingKeys").size()).isPositive(); // the column chooser's keys come with any page
        assertThat(ids(get("/ato/api/runs?project=vision&sort=m%3Aloss&dir=asc&offset=1&limit=1", 200)))
                .containsExactly(runs().tuned());
        assertThat(ids(get("/ato/api/runs?project=vision&sort=m%3Aloss&dir=desc", 200)).subList(0, 2))
                .containsExactly(runs().tuned(), runs().baseline()); // runs without loss last either way
        assertThat(ids(get("/ato/api/runs?project=vision&sort=m%3Aloss%3Amax&dir=desc&config=lr%3C0.5", 200)))
                .startsWith(runs().tuned()); // tuned's highest loss 2.0
        assertThat(ids(get("/ato/api/runs?project=vision&sort=id&dir=desc", 200)).get(0)).isEqualTo(runs().crashed());

        JsonNode narrow = get("/ato/api/runs?project=vision&cols=p%3Alr,m%3Aloss%3Amin", 200);
        for (JsonNode run : narrow.get("runs")) {
            assertThat(run.get("config").propertyNames()).isSubsetOf("lr");
            assertThat(run.get("metrics").propertyNames()).isSubsetOf("loss");
        }
        JsonNode grouped = get("/ato/api/runs?project=vision&group=hash", 200);
        List<Long> sizes = new ArrayList<>();
        grouped.get("groups").forEach(n -> sizes.add(n.asLong()));
        assertThat(sizes).containsExactlyInAnyOrder(3L, 1L);

        assertThat(get("/ato/api/runs?project=vision&sort=colour", 400).get("error").asString())
                .contains("'colour'", "m:<metric>");
        assertThat(get("/ato/api/runs?project=vision&limit=10001", 400).get("error").asString()).contains("limit");
        assertThat(get("/ato/api/runs?project=vision&offset=-1", 400).get("error").asString()).contains("offset");
        assertThat(get("/ato/api/runs?project=vision&dir=up", 400).get("error").asString()).contains("asc or desc");
    }

    @Test
    default void tenThousandRunsComeOnePageAtATimeInTheOrderAsked() throws Exception {
        String name = java.net.URLEncoder.encode(KnownRuns.MANY_PROJECT, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> response = send("/ato/api/runs?project=" + name + "&sort=m%3Ascore&dir=desc");
        JsonNode page = JSON.readTree(response.body());
        assertThat(page.get("total").asLong()).isEqualTo(KnownRuns.MANY + 1);
        assertThat(page.get("runs")).hasSize(RunsRequest.DEFAULT_LIMIT);
        List<Double> scores = new ArrayList<>();
        page.get("runs").forEach(r -> scores.add(r.get("metrics").get("score").get("last").asDouble()));
        assertThat(scores.get(0)).isEqualTo((KnownRuns.MANY - 1) / (double) KnownRuns.MANY); // the highest score
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(response.body().length()).isLessThan(64 * 1024); // the rows shown, not 10,000
    }

    @Test
    default void everyValueOfTheRunsTableIsMaskedWhateverTheColumnsOrOrder() throws Exception {
        String name = java.net.URLEncoder.encode(KnownRuns.ODD_PROJECT, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> response = send("/ato/api/runs?project=" + name
                + "&cols=p%3Adb.password,p%3Adb.host,m%3Aloss&sort=p%3Adb.password&dir=desc&group=hash&limit=5");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(KnownRuns.SECRET);
        JsonNode run = JSON.readTree(response.body()).get("runs").get(0);
        assertThat(run.get("id").asLong()).isEqualTo(runs().odd());
        assertThat(run.get("config").get("db.password").asString()).isEqualTo("******");
        assertThat(run.get("config").get("db.host").asString()).isEqualTo("db.local");
        assertThat(JSON.readTree(response.body()).get("project").asString()).isEqualTo(KnownRuns.ODD_PROJECT);
    }

    private List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("runs").forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    private long rows() throws SQLException {
        try (Connection c = DriverManager.getConnection(runs().jdbcUrl());
             ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM experiments)"
                     + " + (SELECT COUNT(*) FROM metrics) + (SELECT COUNT(*) FROM artifacts)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private JsonNode get(String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
