package dev.ato.autoconfigure.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
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

/** The JSON endpoints over a real SQLite file: filters, run details, compare, errors, read-only, headers. */
class DashboardApiTest extends ServedDashboard {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    WebServerApplicationContext context;

    @Test
    void listsProjectsWithTheirRunCounts() throws Exception {
        JsonNode projects = get("/ato/api/projects", 200);
        JsonNode vision = null;
        for (JsonNode project : projects) {
            vision = project.get("name").asString().equals(KnownRuns.PROJECT) ? project : vision;
        }
        assertThat(vision).as(projects.toString()).isNotNull();
        assertThat(vision.get("runs").asLong()).isEqualTo(4);
    }

    @Test
    void runsTableReportsCrashedAndKilledAndTheKeysThatVary() throws Exception {
        JsonNode page = get("/ato/api/projects/vision/runs", 200);
        List<String> statuses = new ArrayList<>();
        page.get("runs").forEach(r -> statuses.add(r.get("status").asString()));
        assertThat(statuses).containsExactly("completed", "failed", "killed", "crashed");
        List<String> varying = new ArrayList<>();
        get("/ato/api/projects/vision/runs?tag=tuned", 200).get("varyingKeys").forEach(k -> varying.add(k.asString()));
        assertThat(varying).containsExactly("lr");
    }

    @Test
    void filtersByStatusTagAndConfigValue() throws Exception {
        assertThat(ids(get("/ato/api/projects/vision/runs?status=crashed", 200))).containsExactly(RUNS.crashed());
        assertThat(ids(get("/ato/api/projects/vision/runs?tag=tuned", 200)))
                .containsExactly(RUNS.tuned(), RUNS.crashed());
        assertThat(ids(get("/ato/api/projects/vision/runs?config=lr%3C0.02", 200)))
                .containsExactly(RUNS.tuned(), RUNS.hostile());
        assertThat(ids(get("/ato/api/projects/vision/runs?config=optimizer%3Dadam&status=killed", 200)))
                .containsExactly(RUNS.hostile());
        // a quote in a value is bound, not spliced into SQL
        assertThat(ids(get("/ato/api/projects/vision/runs?config=optimizer%3D%27x%27%27%20OR%201%3D1--%27", 200)))
                .isEmpty();
    }

    @Test
    void aBadFilterIsOneClearError() throws Exception {
        JsonNode error = get("/ato/api/projects/vision/runs?config=lr~0.1", 400);
        assertThat(error.get("error").asString()).contains("lr~0.1").contains("lr<0.01");
        JsonNode status = get("/ato/api/projects/vision/runs?status=sleeping", 400);
        assertThat(status.get("error").asString()).contains("sleeping").contains("crashed");
    }

    @Test
    void runDetailHasOriginsArtifactsWithSizeAndChecksumAndFingerprints() throws Exception {
        JsonNode run = get("/ato/api/runs/" + RUNS.baseline(), 200);
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
    void metricsComeInBatchesAfterACursor() throws Exception {
        JsonNode all = get("/ato/api/runs/" + RUNS.baseline() + "/metrics", 200);
        assertThat(all.get("series").get("loss").get("steps")).hasSize(KnownRuns.BASELINE_POINTS);
        assertThat(all.get("series").get("accuracy").get("values")).hasSize(KnownRuns.BASELINE_POINTS);
        JsonNode none = get("/ato/api/runs/" + RUNS.baseline() + "/metrics?after=" + all.get("cursor").asLong(), 200);
        assertThat(none.get("series").size()).isZero();
        assertThat(none.get("status").asString()).isEqualTo("completed");
    }

    @Test
    void compareMarksTheKeysThatDifferAndTheStructure() throws Exception {
        JsonNode same = get("/ato/api/compare?ids=" + RUNS.baseline() + "," + RUNS.tuned(), 200);
        List<String> differing = new ArrayList<>();
        same.get("keys").forEach(k -> {
            if (k.get("differs").asBoolean()) {
                differing.add(k.get("key").asString());
            }
        });
        assertThat(differing).containsExactly("lr");
        assertThat(same.get("sameStructure").asBoolean()).isTrue();
        JsonNode other = get("/ato/api/compare?ids=" + RUNS.baseline() + "," + RUNS.hostile(), 200);
        assertThat(other.get("sameStructure").asBoolean()).isFalse();
        JsonNode one = get("/ato/api/compare?ids=" + RUNS.baseline(), 400);
        assertThat(one.get("error").asString()).contains("2 to 10 run ids");
    }

    @Test
    void searchesShowEveryGenerationAndTheSurvivors() throws Exception {
        JsonNode searches = get("/ato/api/projects/" + KnownRuns.SEARCH_PROJECT + "/searches", 200);
        assertThat(searches).hasSize(1);
        assertThat(searches.get(0).get("status").asString()).isEqualTo("completed");
        JsonNode search = get("/ato/api/searches/" + RUNS.searchId(), 200);
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
    void mergeOrderComesFromTheApplicationsScopes() throws Exception {
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
    void unknownThingsAreNotFoundWithAMessage() throws Exception {
        assertThat(get("/ato/api/runs/999999", 404).get("error").asString()).contains("999999");
        assertThat(get("/ato/api/searches/nope", 404).get("error").asString()).contains("nope");
    }

    @Test
    void noRequestChangesTheDatabase() throws Exception {
        long before = Files.size(RUNS.database()) + rows();
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            for (String path : List.of("/ato/api/runs/" + RUNS.baseline(), "/ato/api/projects", "/ato/index.html")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(method + " " + path).isIn(405, 403);
            }
        }
        assertThat(Files.size(RUNS.database()) + rows()).isEqualTo(before);
    }

    @Test
    void pagesAndTheChartLibraryAreServedWithAStrictContentSecurityPolicy() throws Exception {
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
    void listensOnLoopbackWhenServerAddressIsNotSet() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        assertThat(String.valueOf(server.getTomcat().getConnector().getProperty("address")))
                .contains("127.0.0.1");
    }

    private List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("runs").forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    private long rows() throws SQLException {
        try (Connection c = DriverManager.getConnection(RUNS.jdbcUrl());
             ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM experiments)"
                     + " + (SELECT COUNT(*) FROM metrics) + (SELECT COUNT(*) FROM artifacts)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private JsonNode get(String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
