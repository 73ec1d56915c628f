package dev.ato.autoconfigure.dashboard;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Takes the screenshots in docs/dashboard.md from a running dashboard (the sample app's {@code dashboard} command
 * over its own runs): {@code main(baseUrl, project, outputDir[, prefix])}. Each page is shot once it has rendered.
 */
public final class DashboardScreenshots {

    private DashboardScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        String project = URLEncoder.encode(args[1], StandardCharsets.UTF_8);
        Path out = Files.createDirectories(Path.of(args[2]));
        String prefix = args.length > 3 ? args[3] : "dashboard-";
        JsonMapper json = JsonMapper.builder().build();
        HttpClient http = HttpClient.newHttpClient();
        JsonNode runs = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "api/runs?project=" + project))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).get("runs");
        JsonNode searches = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "api/searches?project="
                + project)).build(), HttpResponse.BodyHandlers.ofString()).body());
        WebDriver driver = DashboardBrowserTest.open(Files.createTempDirectory("ato-shots"));
        try {
            if (args.length > 4) { // only the newest search, e.g. while it runs
                shoot(driver, base + "search.html?id=" + searches.get(searches.size() - 1).get("id").asString(),
                        out.resolve(prefix + args[4] + ".png"));
                return;
            }
            shoot(driver, base + "index.html", out.resolve(prefix + "projects.png"));
            String metric = System.getProperty("metric", "metric");
            shoot(driver, base + "runs.html?project=" + project + "&cols=" + System.getProperty("cols",
                    "p:train.lr,p:train.optimiser,p:train.minibatch_size,m:" + metric + ",m:val_acc,m:loss")
                    + "&sort=m%3A" + metric + "&dir=desc", out.resolve(prefix + "runs.png"), 1100);
            shoot(driver, base + "charts.html?project=" + project + "&metric=" + metric + "&goal=max&x=train.lr",
                    out.resolve(prefix + "charts.png"));
            long first = runs.get(0).get("id").asLong();
            long second = runs.get(1).get("id").asLong();
            shoot(driver, base + "run.html?id=" + first, out.resolve(prefix + "run.png"));
            shoot(driver, base + "compare.html?ids=" + first + "," + second, out.resolve(prefix + "compare.png"));
            if (!searches.isEmpty()) {
                shoot(driver, base + "search.html?id=" + searches.get(0).get("id").asString(),
                        out.resolve(prefix + "search.png"));
            }
            shoot(driver, base + "scopes.html", out.resolve(prefix + "merge-order.png"));
        } finally {
            driver.quit();
        }
    }

    private static void shoot(WebDriver driver, String url, Path file) throws Exception {
        shoot(driver, url, file, 4000);
    }

    private static void shoot(WebDriver driver, String url, Path file, int maxHeight) throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                !d.findElements(By.cssSelector("body[data-rendered-at]")).isEmpty());
        Thread.sleep(300); // ECharts finishes its first frame
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(maxHeight, Math.max(800, height + 40))));
        Thread.sleep(300);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        System.out.println(file);
    }
}
