package dev.ato.autoconfigure.dashboard;

import dev.ato.autoconfigure.dashboard.testapp.DashboardTestApplication;
import dev.ato.autoconfigure.shell.AtoShellRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Shell command {@code dashboard} in an application that is not a web application: it serves the dashboard
 * on its own loopback server over the application's database until stopped.
 */
class DashboardCommandTest {

    private static final Pattern URL = Pattern.compile("http://(127\\.0\\.0\\.1):(\\d+)/ato/");

    @TempDir
    static Path directory;

    private static ConfigurableApplicationContext application;

    @BeforeAll
    static void startApplication() throws IOException {
        KnownRuns runs = KnownRuns.create(directory);
        application = new SpringApplicationBuilder(DashboardTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + runs.jdbcUrl(), "spring.flyway.enabled=false",
                        "spring.main.banner-mode=off")
                .run("fast");
    }

    @AfterAll
    static void stopApplication() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    void servesTheDashboardOnLoopbackUntilStopped() throws Exception {
        StringWriter output = new StringWriter();
        AtomicReference<Integer> status = new AtomicReference<>();
        Thread shell = new Thread(() -> status.set(execute("dashboard --port 0", output)), "dashboard-command");
        shell.start();
        Matcher url = awaitUrl(output);
        assertThat(url.group(1)).isEqualTo("127.0.0.1");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> projects = http.send(HttpRequest.newBuilder(URI.create(url.group() + "api/projects"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(projects.statusCode()).isEqualTo(200);
        assertThat(projects.body()).contains("\"vision\"");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url.group() + "runs.html")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("dashboard.js");

        shell.interrupt();
        shell.join(20_000);
        assertThat(shell.isAlive()).isFalse();
        assertThat(status.get()).isZero();
        HttpClient fresh = HttpClient.newHttpClient(); // no pooled connection from before
        assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(URI.create(url.group() + "api/projects")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    @Test
    void aBadPortIsAUsageError() {
        StringWriter output = new StringWriter();
        assertThat(execute("dashboard --port 70000", output)).isEqualTo(2);
        assertThat(output.toString()).startsWith("Error: dashboard: ").contains("--port must be a number from 0 to 65535, got '70000'");
    }

    private static int execute(String line, StringWriter output) {
        List<String> words = List.of(line.split(" "));
        return application.getBean(AtoShellRunner.class).execute(words.get(0), words.subList(1, words.size()),
                new PrintWriter(output, true));
    }

    private static Matcher awaitUrl(StringWriter output) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = URL.matcher(output.toString());
            if (matcher.find()) {
                return matcher;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the dashboard command printed no URL within 60 s: " + output);
    }
}
