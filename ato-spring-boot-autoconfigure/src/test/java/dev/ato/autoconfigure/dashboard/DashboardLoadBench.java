package dev.ato.autoconfigure.dashboard;

import dev.ato.adict.ADict;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.Tracker;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard under load with a small heap: a run of 1,000,000 points served by {@code java -Xmx256m -jar
 * <app.jar> dashboard} (a separate process, the real command), hit by 8 and then 32 parallel requests for the
 * downsampled series, a zoomed range and raw pages, while {@code jstat} samples the server's heap. Then the run page's
 * time to first render in headless Chromium. Not a unit test: docs/benchmarks.md ("Dashboard under load") has the
 * command and the figures. Argument: the application jar (default the sample app's).
 */
public final class DashboardLoadBench {

    static final int POINTS = 1_000_000;
    static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/ato/");

    private DashboardLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "ato-sample-app/target/ato-sample-app.jar").toAbsolutePath();
        Path directory = Files.createDirectories(Path.of("target", "dashboard-load").toAbsolutePath());
        Path database = directory.resolve("million.db");
        Files.deleteIfExists(database);
        long runId = fill("jdbc:sqlite:" + database);
        Process server = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString(),
                "--ato.sqlite.path=" + database, "dashboard", "--port", "0")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            String base = null;
            String line;
            while (base == null && (line = out.readLine()) != null) {
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    base = m.group();
                }
            }
            if (base == null) {
                throw new IllegalStateException("the dashboard printed no URL");
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "drain");
            drain.setDaemon(true);
            drain.start();
            HeapSampler heap = HeapSampler.start(server.pid());
            String api = base + "api/runs/" + runId;
            List<String> urls = List.of(api + "/series", api + "/series?key=loss&from=500000&to=501999",
                    api + "/metrics?key=loss&limit=10000&after=0", api + "/metrics?after=0");
            System.out.printf(Locale.ROOT, "1,000,000-point run, java -Xmx256m -jar %s dashboard%n", jar.getFileName());
            System.out.printf(Locale.ROOT, "%-11s %8s %8s %10s %10s %12s %14s%n", "parallel", "requests", "errors",
                    "median ms", "max ms", "max bytes", "peak heap MiB");
            for (int parallel : new int[] {8, 32}) {
                heap.reset();
                burst(urls, parallel);
            }
            for (int parallel : new int[] {8, 32}) {
                heap.reset();
                Result r = burst(urls, parallel);
                System.out.printf(Locale.ROOT, "%-11d %8d %8d %10.0f %10.0f %12d %14.1f%n", parallel, r.requests,
                        r.errors, r.medianMs, r.maxMs, r.maxBytes, heap.peakMiB());
            }
            heap.stop();
            firstRender(base + "run.html?id=" + runId);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private record Result(int requests, int errors, double medianMs, double maxMs, long maxBytes) {
    }

    /** {@code parallel} requests at once, spread over the urls, three rounds. */
    private static Result burst(List<String> urls, int parallel) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicLong maxBytes = new AtomicLong();
        for (int round = 0; round < 3; round++) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                String url = urls.get(i % urls.size());
                long started = System.nanoTime();
                all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).handle((response, error) -> {
                            times.add((System.nanoTime() - started) / 1e6);
                            if (error != null || response.statusCode() != 200) {
                                errors.incrementAndGet();
                                System.out.println("  error: " + url + " " + (error != null ? error
                                        : response.statusCode() + " " + new String(response.body(),
                                        StandardCharsets.UTF_8)));
                            } else {
                                maxBytes.accumulateAndGet(response.body().length, Math::max);
                            }
                            return null;
                        }));
            }
            all.forEach(CompletableFuture::join);
        }
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return new Result(sorted.size(), (int) errors.get(), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), maxBytes.get());
    }

    private static void firstRender(String page) {
        WebDriver driver = DashboardBrowserTest.open(createProfile());
        try {
            List<Double> first = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                driver.get(page);
                new WebDriverWait(driver, Duration.ofSeconds(120)).until(d ->
                        !d.findElements(By.cssSelector("body[data-rendered-at]")).isEmpty());
                Object rendered = ((JavascriptExecutor) driver).executeScript(
                        "return Number(document.body.getAttribute('data-rendered-at'))");
                if (i > 0) {
                    first.add(((Number) rendered).doubleValue());
                }
            }
            Collections.sort(first);
            Object drawn = ((JavascriptExecutor) driver).executeScript(
                    "return document.querySelector('.chart').getAttribute('data-drawn')");
            System.out.printf(Locale.ROOT, "run page, first render in Chromium: median %.0f ms (%s points drawn)%n",
                    first.get(first.size() / 2), drawn);
        } finally {
            driver.quit();
        }
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("ato-load-chromium");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One run with 1,000,000 points of {@code loss} (batched SQL; the Tracker would take minutes). */
    private static long fill(String url) throws Exception {
        long runId;
        try (Tracker tracker = Tracker.open(url)) {
            try (RunHandle run = tracker.start("million", ADict.of(Map.of("lr", 0.1)), "load")) {
                runId = run.id();
                run.logMetric("loss", 1.0, 0);
            }
        }
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO metrics (run_id, \"key\", value, step) VALUES (?, 'loss', ?, ?)")) {
                for (int step = 1; step < POINTS; step++) {
                    ps.setLong(1, runId);
                    ps.setDouble(2, Math.exp(-step / 200_000.0) + Math.sin(step / 5_000.0) * 0.05
                            + (step % 99_991 == 0 ? 1.0 : 0.0));
                    ps.setInt(3, step);
                    ps.addBatch();
                    if (step % 50_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return runId;
    }

    /** Samples the server's used heap (young + old generation) with {@code jstat} every 100 ms. */
    private static final class HeapSampler {
        private final Process jstat;
        private volatile double peakKiB;

        private HeapSampler(Process jstat) {
            this.jstat = jstat;
        }

        static HeapSampler start(long pid) throws java.io.IOException {
            Process p = new ProcessBuilder("jstat", "-gc", String.valueOf(pid), "100").redirectErrorStream(true)
                    .start();
            HeapSampler sampler = new HeapSampler(p);
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    List<String> header = null;
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        List<String> cells = List.of(line.trim().split("\\s+"));
                        if (cells.contains("EU")) {
                            header = cells;
                            continue;
                        }
                        if (header == null || cells.size() != header.size()) {
                            continue;
                        }
                        double used = 0;
                        for (String column : new String[] {"S0U", "S1U", "EU", "OU"}) {
                            used += Double.parseDouble(cells.get(header.indexOf(column)));
                        }
                        sampler.peakKiB = Math.max(sampler.peakKiB, used);
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // jstat ended
                }
            }, "jstat-reader");
            reader.setDaemon(true);
            reader.start();
            return sampler;
        }

        void reset() {
            peakKiB = 0;
        }

        double peakMiB() {
            return peakKiB / 1024;
        }

        void stop() {
            jstat.destroy();
        }
    }
}
