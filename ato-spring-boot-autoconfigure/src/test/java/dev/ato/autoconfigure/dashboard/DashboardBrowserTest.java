package dev.ato.autoconfigure.dashboard;

import dev.ato.Mode;
import dev.ato.adict.ADict;
import dev.ato.hyperopt.HyperBand;
import dev.ato.hyperopt.Schedule;
import dev.ato.hyperopt.SearchSpace;
import dev.ato.hyperopt.Searches;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.RunStatus;
import dev.ato.tracker.Tracker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): the runs table, a
 * filter, a run's chart, the compare view, a live run's growing chart, the HyperBand and merge-order pages, and
 * markup in values shown as text. Screenshots go to {@code target/dashboard-screenshots/}.
 */
class DashboardBrowserTest extends ServedDashboard {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    private static WebDriver driver;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                        + "; install them with: apt-get install chromium chromium-driver"
                        + " (CI does when .ci/browser exists)");
        profile = Files.createTempDirectory("ato-chromium");
        driver = open(profile);
        Files.createDirectories(SCREENSHOTS);
    }

    /** A headless Chromium from the system packages; nothing is downloaded (the driver path is explicit). */
    static WebDriver open(Path userDataDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + userDataDir, "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void runsTableFiltersAndOpensARunWithItsChart() throws IOException {
        go("/ato/runs.html?project=vision");
        List<WebElement> rows = waitForRows(4);
        assertThat(statuses()).containsExactlyInAnyOrder("completed", "failed", "killed", "crashed");
        assertThat(rows).hasSize(4);

        driver.findElement(By.id("filter-config")).sendKeys("lr<0.02");
        driver.findElement(By.id("apply-filters")).click();
        wait(d -> d.getCurrentUrl().contains("config=") && rows().size() == 2);
        assertThat(statuses()).containsExactlyInAnyOrder("failed", "killed");

        go("/ato/runs.html?project=vision&status=crashed");
        waitForRows(1);
        assertThat(statuses()).containsExactly("crashed");

        go("/ato/runs.html?project=vision");
        waitForRows(4);
        driver.findElement(By.linkText("#" + RUNS.baseline())).click();
        WebElement loss = waitForChart("loss");
        assertThat(loss.getAttribute("data-points")).isEqualTo(String.valueOf(KnownRuns.BASELINE_POINTS));
        assertThat(loss.findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(script("return atoCharts[0].plot.data[0].length")).isEqualTo((long) KnownRuns.BASELINE_POINTS);
        assertThat(text("[data-key='model.depth'] .origin")).isEqualTo("← view 'deep'");
        assertThat(text("#artifacts tbody tr td:nth-child(3)")).isEqualTo("2.0 KiB");
        assertThat(text("#artifacts tbody tr td:nth-child(4)")).hasSize(64);
        assertThat(text("#fingerprints tbody tr td:nth-child(3)")).isEqualTo("abc123");
        screenshot("run");
    }

    @Test
    void sortingAndGroupingByStructure() {
        go("/ato/runs.html?project=vision");
        waitForRows(4);
        driver.findElement(By.cssSelector("th[data-key='id']")).click();
        waitForView("id", "asc");
        assertThat(driver.findElements(By.cssSelector("#runs tbody tr[data-run]")).get(0).getAttribute("data-run"))
                .isEqualTo(String.valueOf(RUNS.baseline()));
        driver.findElement(By.id("group-by-hash")).click();
        wait(d -> "true".equals(d.findElement(By.id("runs")).getAttribute("data-grouped")));
        List<WebElement> groups = driver.findElements(By.cssSelector("#runs tr.group"));
        assertThat(groups).hasSize(2); // the markup run has another structure
        assertThat(groups.stream().map(WebElement::getText).toList()).anyMatch(t -> t.endsWith("3 runs"));
    }

    @Test
    void compareHighlightsTheDifferingKeyAndOverlaysTheCurves() throws IOException {
        go("/ato/runs.html?project=vision");
        waitForRows(4);
        select(RUNS.baseline());
        select(RUNS.tuned());
        driver.findElement(By.id("compare")).click();
        WebElement loss = waitForChart("loss");
        List<WebElement> differing = driver.findElements(By.cssSelector("#config-diff tr.differs"));
        assertThat(differing).hasSize(1);
        assertThat(differing.get(0).getAttribute("data-key")).isEqualTo("lr");
        assertThat(differing.get(0).findElement(By.cssSelector("td")).getCssValue("background-color"))
                .isEqualTo("rgba(255, 244, 214, 1)");
        assertThat(driver.findElements(By.cssSelector("#config-diff tr:not(.differs)"))).hasSizeGreaterThan(2);
        assertThat(loss.getAttribute("data-points")).isEqualTo(String.valueOf(KnownRuns.BASELINE_POINTS));
        assertThat(script("return atoCharts[0].plot.series.length")).isEqualTo(3L); // x and one per run
        assertThat(text("#structure-verdict")).startsWith("All runs have the same config structure");
        screenshot("compare");
    }

    @Test
    void aLiveRunsChartGrowsWithoutAReload() throws IOException {
        try (Tracker tracker = Tracker.open(RUNS.jdbcUrl())) {
            RunHandle run = tracker.start("live", ADict.of(Map.of("lr", 0.3)), "live");
            log(run, 0, 5);
            go("/ato/run.html?id=" + run.id());
            WebElement loss = waitForChart("loss");
            assertThat(loss.getAttribute("data-points")).isEqualTo("5");
            Object marker = script("window.notReloaded = true; return 1");
            assertThat(marker).isEqualTo(1L);
            log(run, 5, 25);
            wait(d -> "25".equals(waitForChart("loss").getAttribute("data-points")));
            screenshot("live-run");
            assertThat(script("return window.notReloaded === true")).isEqualTo(true);

            // the compare view overlays the live run on a finished one and follows it too
            go("/ato/compare.html?ids=" + RUNS.baseline() + "," + run.id());
            assertThat(waitForChart("loss").getAttribute("data-points"))
                    .isEqualTo(String.valueOf(KnownRuns.BASELINE_POINTS)); // steps 0..49 of both runs
            log(run, 25, 60);
            wait(d -> "60".equals(waitForChart("loss").getAttribute("data-points")));

            // the run page notices the end of the run by itself
            go("/ato/run.html?id=" + run.id());
            assertThat(waitForChart("loss").getAttribute("data-points")).isEqualTo("60");
            script("window.notReloaded = true; return 1");
            run.finish(RunStatus.COMPLETED);
            wait(d -> "completed".equals(d.findElement(By.cssSelector("h1 .badge")).getAttribute("data-status")));
            assertThat(script("return window.notReloaded === true")).isEqualTo(true);
        }
    }

    @Test
    void markupInValuesIsShownAsText() {
        go("/ato/run.html?id=" + RUNS.hostile());
        wait(d -> !d.findElements(By.cssSelector("[data-key='note'] .value")).isEmpty());
        assertThat(text("[data-key='note'] .value")).isEqualTo(KnownRuns.SCRIPT);
        assertThat(text("#artifacts tbody tr td")).isEqualTo("<img src=x onerror=alert(2)>.txt");
        assertThat(driver.findElements(By.cssSelector("main script, main img, main b"))).isEmpty();
        assertNoAlert();
        go("/ato/runs.html?project=vision");
        waitForRows(4);
        assertThat(driver.findElements(By.cssSelector("#runs .tag")).stream().map(WebElement::getText))
                .contains("<b>bold</b>");
        assertThat(driver.findElements(By.cssSelector("#runs b"))).isEmpty();
        assertNoAlert();
    }

    @Test
    void projectsSearchAndMergeOrderPages() throws IOException {
        go("/ato/index.html");
        wait(d -> !d.findElements(By.cssSelector("#projects tbody tr")).isEmpty());
        assertThat(text("#projects")).contains("vision", KnownRuns.SEARCH_PROJECT);
        screenshot("projects");

        go("/ato/runs.html?project=" + KnownRuns.SEARCH_PROJECT);
        wait(d -> !d.findElements(By.linkText(RUNS.searchId())).isEmpty());
        driver.findElement(By.linkText(RUNS.searchId())).click();
        WebElement metric = waitForChart("metric");
        List<WebElement> generations = driver.findElements(By.cssSelector("section.generation"));
        assertThat(generations).hasSizeGreaterThan(1);
        assertThat(metric.getAttribute("data-points")).isEqualTo(String.valueOf(generations.size()));
        assertThat(generations.get(0).findElements(By.cssSelector("tbody tr"))).hasSize(8);
        assertThat(generations.get(0).findElements(By.cssSelector("tbody tr.survivor"))).hasSize(4);

        go("/ato/scopes.html");
        wait(d -> !d.findElements(By.cssSelector("section.scope[data-scope='train']")).isEmpty());
        assertThat(text("section.scope tr[data-key='lr'] td:nth-child(3)")).isEqualTo("view 'fast'");
        assertThat(text("section.scope tr[data-key='note'] td:nth-child(2)")).isEqualTo(KnownRuns.SCRIPT);
        WebElement key = driver.findElement(By.cssSelector("section.scope input[type=text]"));
        key.sendKeys("lr");
        driver.findElement(By.cssSelector("section.scope form button")).click();
        wait(d -> d.findElements(By.cssSelector("section.scope .history li")).size() == 2);
        assertThat(text("section.scope .history li:last-child")).isEqualTo("view 'fast': 0.5");
        screenshot("merge-order");
        assertNoAlert();
    }

    @Test
    void sortingByAMetricOrdersTheRunsByIt() throws IOException {
        go("/ato/runs.html?project=vision");
        waitForRows(4);
        driver.findElement(By.cssSelector("th[data-key='m:loss']")).click();
        waitForView("m:loss", "asc");
        // ascending: baseline's last loss 1/50, tuned's 2/30; runs without the metric last
        assertThat(runOrder().subList(0, 2)).containsExactly(RUNS.baseline(), RUNS.tuned());
        assertThat(text("#runs tr[data-run='" + RUNS.baseline() + "'] td[data-column='m:loss']")).isEqualTo("0.02");
        driver.findElement(By.cssSelector("th[data-key='m:loss']")).click();
        waitForView("m:loss", "desc");
        assertThat(runOrder().subList(0, 2)).containsExactly(RUNS.tuned(), RUNS.baseline());
        assertThat(driver.getCurrentUrl()).contains("sort=m%3Aloss").contains("dir=desc");
        // one line per row whatever the tags, and a sub-second run shows its duration
        assertThat(driver.findElement(By.cssSelector("#runs tr[data-run='" + RUNS.hostile() + "']")).getSize()
                .getHeight()).isLessThan(40);
        assertThat(text("#runs tr[data-run='" + RUNS.hostile() + "'] td[data-column='duration']")).matches("\\d\\.\\d\\d s");
        screenshot("runs");
    }

    @Test
    void tenThousandRunsSortByAMetricAndPageInTheServersOrder() throws Exception {
        List<Long> ids = KnownRuns.manyIds(RUNS.jdbcUrl());
        assertThat(ids).hasSize(KnownRuns.MANY);
        // the expected orders, computed here from the values the runs logged (ties by id)
        List<Long> byLast = IntStream.range(0, KnownRuns.MANY).boxed()
                .sorted(Comparator.comparingDouble(KnownRuns::score)).map(ids::get).toList();
        List<Long> byMax = IntStream.range(0, KnownRuns.MANY).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> Math.max(1 - KnownRuns.score(i), KnownRuns.score(i)))
                        .thenComparing(ids::get)).map(ids::get).toList();
        String project = "/ato/runs.html?project=" + URLEncoder.encode(KnownRuns.MANY_PROJECT, StandardCharsets.UTF_8);

        go(project);
        waitForRows(100);
        assertThat(text("#run-count")).isEqualTo((KnownRuns.MANY + 1) + " runs"); // and the seed run without a score
        assertThat(runOrder().get(0)).isEqualTo(ids.get(ids.size() - 1)); // newest first

        driver.findElement(By.cssSelector("th[data-key='m:score']")).click();
        waitForView("m:score", "asc");
        assertThat(runOrder().subList(0, 10)).containsExactlyElementsOf(byLast.subList(0, 10));
        assertThat(text("#runs tbody tr[data-run] td[data-column='m:score']")).isEqualTo("0");

        driver.findElement(By.cssSelector("th[data-key='m:score']")).click();
        waitForView("m:score", "desc");
        List<Long> descending = new java.util.ArrayList<>(byLast);
        java.util.Collections.reverse(descending);
        assertThat(runOrder().subList(0, 10)).containsExactlyElementsOf(descending.subList(0, 10));
        driver.findElement(By.xpath("//span[@class='pager']/button[contains(., 'Next')]")).click();
        wait(d -> "100".equals(d.findElement(By.id("runs")).getAttribute("data-offset")));
        assertThat(runOrder()).containsExactlyElementsOf(descending.subList(100, 200));

        // a shared link: the highest value of each run, lowest first, with only that column
        go(project + "&sort=m%3Ascore%3Amax&dir=asc&cols=m%3Ascore%3Amax");
        waitForRows(100);
        assertThat(runOrder()).containsExactlyElementsOf(byMax.subList(0, 100));
        assertThat(driver.findElements(By.cssSelector("#runs th[data-key]")).stream()
                .map(th -> th.getAttribute("data-key")).toList()).endsWith("structuralHash", "m:score:max");
    }

    @Test
    void chosenColumnsStayInTheUrlAcrossAReload() {
        go("/ato/runs.html?project=vision");
        waitForRows(4);
        assertThat(driver.findElements(By.cssSelector("th[data-key='p:lr']"))).hasSize(1);
        driver.findElement(By.cssSelector("#columns summary")).click();
        driver.findElement(By.cssSelector("#columns input[data-column='p:lr']")).click();
        driver.findElement(By.cssSelector("#columns input[data-column='m:loss:min']")).click();
        wait(d -> d.findElement(By.id("runs")).getAttribute("data-cols").contains("m:loss:min"));
        assertThat(driver.findElements(By.cssSelector("th[data-key='p:lr']"))).isEmpty();
        assertThat(text("#runs tr[data-run='" + RUNS.baseline() + "'] td[data-column='m:loss:min']")).isEqualTo("0.02");
        String shared = driver.getCurrentUrl();
        assertThat(shared).contains("cols=");
        driver.navigate().refresh();
        waitForRows(4);
        assertThat(driver.findElements(By.cssSelector("th[data-key='p:lr']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("th[data-key='m:loss:min']"))).hasSize(1);
        go(shared.substring(shared.indexOf("/ato/")));
        waitForRows(4);
        assertThat(driver.findElements(By.cssSelector("th[data-key='m:loss:min']"))).hasSize(1);
    }

    @Test
    void projectChartsDrawOneLinePerRunWithTheMetric() throws IOException {
        go("/ato/charts.html?project=vision&metric=loss");
        wait(d -> !d.findElements(By.cssSelector("#project-parallel[data-lines]")).isEmpty());
        // baseline and tuned logged loss; the other two runs did not
        assertThat(driver.findElement(By.id("project-parallel")).getAttribute("data-lines")).isEqualTo("2");
        assertThat(script("return atoEcharts[1].getOption().series.map(s => s.data.length)"
                + ".reduce((a, b) => a + b, 0)")).isEqualTo(2L);
        assertThat(driver.findElement(By.id("scatter")).getAttribute("data-points")).isEqualTo("2");
        assertThat(text("#best-runs tbody tr:first-child td:first-child")).isEqualTo("#" + RUNS.baseline());
        screenshot("charts");
    }

    @Test
    void aFinishedSearchShowsHistoryGenerationsAndParallelCoordinates() throws IOException {
        go("/ato/search.html?id=" + RUNS.searchId());
        wait(d -> !d.findElements(By.cssSelector("#search-parallel[data-lines]")).isEmpty());
        assertThat(driver.findElement(By.id("search-parallel")).getAttribute("data-lines")).isEqualTo("8");
        List<WebElement> generations = driver.findElements(By.cssSelector("#generations tbody tr"));
        assertThat(generations).hasSizeGreaterThan(1);
        assertThat(generations.get(0).findElements(By.tagName("td")).get(1).getText()).isEqualTo("8");
        assertThat(generations.get(0).findElements(By.tagName("td")).get(2).getText()).isEqualTo("4");
        assertThat(generations.get(0).findElements(By.tagName("td")).get(3).getText()).isEqualTo("4");
        assertThat(driver.findElements(By.cssSelector("#generations td.winner-path"))).hasSize(generations.size());
        long evaluated = (Long) script("return document.querySelectorAll('section.generation tbody tr').length");
        assertThat(waitForChart("history").getAttribute("data-points")).isEqualTo(String.valueOf(evaluated));
        assertThat(text("#settings tr[data-setting='halving_rate'] td")).isEqualTo("0.5");
        assertThat(driver.findElements(By.cssSelector("#top-legend li"))).hasSize(8);
        screenshot("search");
    }

    @Test
    void aRunningSearchFillsInAsAnotherWorkerFinishesTrials() throws Exception {
        SearchSpace space = SearchSpace.builder().floats("lr", 0.1, 0.4, 4).categories("model", List.of("a", "b"))
                .build();
        try (Searches searches = Searches.open(RUNS.jdbcUrl())) {
            String id = searches.start("live-search", new HyperBand(space, 0.5, 2, Mode.MAX), Schedule.SYNCHRONOUS,
                    new ADict());
            go("/ato/search.html?id=" + id);
            wait(d -> !d.findElements(By.cssSelector("#generations tbody tr")).isEmpty());
            assertThat(text("h1 .badge")).isEqualTo("running");
            assertThat(driver.findElements(By.cssSelector(".chart[data-metric='history']"))).isEmpty();
            Thread worker = new Thread(() -> {
                try (Searches other = Searches.open(RUNS.jdbcUrl())) { // another worker, its own connections
                    other.work(id, c -> {
                        sleep(150);
                        return c.getDouble("lr");
                    });
                }
            }, "other-worker");
            worker.start();
            wait(d -> !d.findElements(By.cssSelector(".chart[data-metric='history']")).isEmpty()
                    && d.findElements(By.cssSelector(".chart[data-metric='history']")).get(0).getAttribute("data-points")
                    .compareTo("0") > 0);
            screenshot("search-running");
            worker.join(60_000);
            wait(d -> "completed".equals(d.findElement(By.cssSelector("h1 .badge")).getAttribute("data-status")));
            assertThat(driver.findElement(By.id("search-parallel")).getAttribute("data-lines")).isEqualTo("8");
        }
    }

    @Test
    void aSecretShowsMaskedAndAProjectWithASlashOpens() {
        go("/ato/index.html");
        wait(d -> !d.findElements(By.linkText(KnownRuns.ODD_PROJECT)).isEmpty());
        driver.findElement(By.linkText(KnownRuns.ODD_PROJECT)).click();
        waitForRows(1);
        assertThat(text("#project-name")).isEqualTo(KnownRuns.ODD_PROJECT);
        driver.findElement(By.linkText("#" + RUNS.odd())).click();
        wait(d -> !d.findElements(By.cssSelector("[data-key='db.password'] .value")).isEmpty());
        assertThat(text("[data-key='db.password'] .value")).isEqualTo("******");
        assertThat(text("[data-key='db.host'] .value")).isEqualTo("db.local");
        assertThat(driver.getPageSource()).doesNotContain(KnownRuns.SECRET);
        driver.findElement(By.linkText(KnownRuns.ODD_PROJECT)).click();
        waitForRows(1);
    }

    @Test
    void aLongRunIsDrawnDownsampledAndAtFullResolutionWhenZoomedIn() {
        go("/ato/run.html?id=" + RUNS.long_());
        WebElement loss = waitForChart("loss");
        assertThat(loss.getAttribute("data-points")).isEqualTo(String.valueOf(KnownRuns.LONG_POINTS));
        assertThat(Integer.parseInt(loss.getAttribute("data-drawn"))).isLessThanOrEqualTo(2000);
        assertThat(((Number) script("return Math.max(...atoCharts[0].plot.data[1])")).doubleValue())
                .isEqualTo(KnownRuns.SPIKE);
        script("atoCharts[0].plot.setScale('x', {min: 12300, max: 12399}); return 1");
        wait(d -> "100".equals(waitForChart("loss").getAttribute("data-range-points")));
    }

    /** Waits until the table shows the rows of this sort (the server answers each view). */
    private void waitForView(String sort, String dir) {
        wait(d -> {
            WebElement table = d.findElement(By.id("runs"));
            return sort.equals(table.getAttribute("data-sort")) && dir.equals(table.getAttribute("data-dir"));
        });
    }

    private List<Long> runOrder() {
        return rows().stream().map(r -> Long.parseLong(r.getAttribute("data-run"))).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void log(RunHandle run, int from, int to) {
        for (int step = from; step < to; step++) {
            run.logMetric("loss", 1.0 / (step + 1), step);
        }
        run.flush();
    }

    private void go(String path) {
        driver.get(url(path));
    }

    private List<WebElement> waitForRows(int count) {
        wait(d -> rows().size() == count);
        return rows();
    }

    private List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#runs tbody tr[data-run]"));
    }

    private List<String> statuses() {
        return driver.findElements(By.cssSelector("#runs tbody .badge")).stream()
                .map(b -> b.getAttribute("data-status")).toList();
    }

    private void select(long runId) {
        driver.findElement(By.cssSelector("#runs tr[data-run='" + runId + "'] input[type=checkbox]")).click();
    }

    private WebElement waitForChart(String metric) {
        By chart = By.cssSelector(".chart[data-metric='" + metric + "']");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(chart));
        return driver.findElement(chart);
    }

    private void wait(java.util.function.Function<WebDriver, Boolean> condition) {
        // pages re-render while live: an element found a moment ago may be replaced before it is read
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    private void assertNoAlert() {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    /** The whole page: the window grows to the page's height for the shot, then shrinks back. */
    private static void screenshot(String name) throws IOException {
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(4000, Math.max(1000, height + 120))));
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }
}
