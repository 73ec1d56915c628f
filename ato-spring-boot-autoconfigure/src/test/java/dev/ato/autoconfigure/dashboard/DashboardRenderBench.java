package dev.ato.autoconfigure.dashboard;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.dashboard.testapp.DashboardTestApplication;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.Tracker;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time to first render of the dashboard's heaviest pages, in headless Chromium: the runs page of a project with
 * 10,000 runs, and the run page of a run with 100,000 metric points. Not JMH (a browser is measured), so it is a
 * {@code main}; docs/benchmarks.md ("Dashboard") has the command. The 10,000 runs carry two metric keys, so the
 * runs page also computes their last, lowest and highest values (the metric columns). For each page it loads the page repeatedly and
 * reports medians of: the server's part (the API requests' wall time in the browser's Resource Timing, request
 * sent to last byte), the browser's part (first render minus that: page and script load, JSON parsing, building
 * the table, drawing the chart) and the API response time measured from the JVM alone.
 */
public final class DashboardRenderBench {

    static final int RUNS = 10_000;
    static final int POINTS = 100_000;
    static final int LOADS = 7;

    private DashboardRenderBench() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "dashboard-bench"));
        Path database = directory.resolve("experiments.db");
        Files.deleteIfExists(database);
        long runId = fill("jdbc:sqlite:" + database);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DashboardTestApplication.class)
                .properties("spring.datasource.url=jdbc:sqlite:" + database, "spring.flyway.enabled=false",
                        "ato.dashboard.enabled=true", "server.port=0", "spring.main.banner-mode=off",
                        "logging.level.root=warn")
                .run("fast");
        Path profile = Files.createTempDirectory("ato-bench-chromium");
        WebDriver driver = DashboardBrowserTest.open(profile);
        try {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            System.out.printf(Locale.ROOT, "%-34s %10s %10s %10s %12s%n", "page", "first ms", "server ms",
                    "browser ms", "JVM GET ms");
            report(driver, "runs page, " + RUNS + " runs", base + "/ato/runs.html?project=bench",
                    base + "/ato/api/runs?project=bench&sort=id&dir=desc&offset=0&limit=100");
            report(driver, "runs page sorted by a metric", base + "/ato/runs.html?project=bench&sort=m%3Aaccuracy"
                    + "&dir=desc", base + "/ato/api/runs?project=bench&sort=m%3Aaccuracy&dir=desc&offset=0&limit=100");
            report(driver, "run page, " + POINTS + " points", base + "/ato/run.html?id=" + runId,
                    base + "/ato/api/runs/" + runId + "/series?points=2000");
        } finally {
            driver.quit();
            app.close();
        }
    }

    private static void report(WebDriver driver, String name, String page, String api) throws Exception {
        List<Double> first = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        List<Double> jvm = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < LOADS + 1; i++) {
            driver.get(page);
            new WebDriverWait(driver, Duration.ofSeconds(120)).until(d ->
                    !d.findElements(By.cssSelector("body[data-rendered-at]")).isEmpty());
            @SuppressWarnings("unchecked")
            Map<String, Object> timing = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(
                    "const api = performance.getEntriesByType('resource').filter(e => e.name.includes('/api/'));"
                            + "return {rendered: Number(document.body.getAttribute('data-rendered-at')),"
                            + " start: Math.min(...api.map(e => e.fetchStart)),"
                            + " end: Math.max(...api.map(e => e.responseEnd))};");
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double jvmMs = (System.nanoTime() - started) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(api + " answered " + response.statusCode());
            }
            if (i == 0) {
                continue; // warm-up: class loading, JIT, the browser's cache of the scripts
            }
            double rendered = number(timing.get("rendered"));
            first.add(rendered);
            server.add(number(timing.get("end")) - number(timing.get("start")));
            jvm.add(jvmMs);
        }
        double firstMs = median(first);
        double serverMs = median(server);
        System.out.printf(Locale.ROOT, "%-34s %10.0f %10.0f %10.0f %12.0f%n", name, firstMs, serverMs,
                firstMs - serverMs, median(jvm));
    }

    /** 10,000 runs in project {@code bench} (batched SQL), and one run with 100,000 points through the Tracker. */
    private static long fill(String url) throws Exception {
        try (Tracker tracker = Tracker.open(url)) {
            RunHandle big;
            try (RunHandle run = tracker.start("big", ADict.of(Map.of("lr", 0.1)))) {
                big = run;
                for (int step = 0; step < POINTS; step++) {
                    run.logMetric("loss", Math.exp(-step / 20_000.0) + Math.sin(step / 500.0) * 0.02, step);
                }
            }
            try (RunHandle seed = tracker.start("bench", ADict.of(Map.of("lr", 0.1)))) {
                seed.logMetric("loss", 1.0, 0);
            }
            try (Connection c = DriverManager.getConnection(url)) {
                c.setAutoCommit(false);
                long project;
                try (var rs = c.createStatement().executeQuery("SELECT id FROM projects WHERE name = 'bench'")) {
                    rs.next();
                    project = rs.getLong(1);
                }
                String[] statuses = {"completed", "completed", "completed", "failed", "killed"};
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiments (project_id, config,"
                        + " structural_hash, tags, status, start_time, end_time) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = 1; i < RUNS; i++) {
                        ADict config = ADict.of(Map.of("lr", 0.001 * (1 + i % 50), "batch_size", 16 << (i % 4),
                                "model", Map.of("name", i % 3 == 0 ? "vit" : "resnet", "depth", 18 + i % 5 * 16),
                                "seed", i));
                        ps.setLong(1, project);
                        ps.setString(2, "{\"lr\": " + config.get("lr") + ", \"batch_size\": " + config.get("batch_size")
                                + ", \"model\": {\"name\": \"" + config.get("model.name") + "\", \"depth\": "
                                + config.get("model.depth") + "}, \"seed\": " + i + "}");
                        ps.setString(3, config.structuralHash());
                        ps.setString(4, "[\"sweep\", \"batch-" + i / 1000 + "\"]");
                        ps.setString(5, statuses[i % statuses.length]);
                        ps.setString(6, String.format(Locale.ROOT, "2026-11-%02d %02d:%02d:%02d.000000",
                                1 + i / 1440 % 28, i / 60 % 24, i % 60, i % 60));
                        ps.setString(7, String.format(Locale.ROOT, "2026-11-%02d %02d:%02d:%02d.500000",
                                1 + i / 1440 % 28, i / 60 % 24, i % 60, i % 60));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                // two metric keys of three points per run: the runs table shows their last, min and max
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO metrics (run_id, \"key\", value, step)"
                        + " SELECT id, ?, ?, ? FROM experiments WHERE project_id = ?")) {
                    for (int step = 0; step < 3; step++) {
                        for (String key : new String[] {"loss", "accuracy"}) {
                            ps.setString(1, key);
                            ps.setDouble(2, key.equals("loss") ? 1.0 / (step + 1) : 0.3 * step);
                            ps.setInt(3, step);
                            ps.setLong(4, project);
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                }
                c.commit();
            }
            return big.id();
        }
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
