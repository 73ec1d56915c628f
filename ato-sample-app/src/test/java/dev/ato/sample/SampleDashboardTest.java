package dev.ato.sample;

import dev.ato.autoconfigure.shell.AtoShellRunner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dashboard} in the sample app, which has no web dependency: the command serves the dashboard (the JDK's HTTP
 * server) while the application stays a non-web application.
 */
@SpringBootTest(properties = {"ato.shell.interactive=false", "ato.sqlite.path=target/sample-test/dashboard.db",
        "ato.project=digits-dashboard"})
class SampleDashboardTest {

    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/ato/");

    @Autowired
    AtoShellRunner commands;

    @Autowired
    ApplicationContext context;

    @Test
    void theDashboardCommandServesWithoutAWebStack() throws Exception {
        assertThat(context.getClass().getSimpleName()).doesNotContain("Web");
        assertThat(classPresent("org.springframework.web.servlet.DispatcherServlet")).isFalse();
        assertThat(classPresent("org.apache.catalina.startup.Tomcat")).isFalse();
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread shell = new Thread(() -> {
            try {
                exit.set(commands.execute("dashboard", List.of("--port", "0"),
                        new PrintWriter(out, true)));
            } catch (Exception e) {
                out.write("failed: " + e);
            }
        }, "dashboard");
        shell.start();
        Matcher url = awaitUrl(out);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> projects = http.send(HttpRequest.newBuilder(URI.create(url.group() + "api/projects"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(projects.statusCode()).isEqualTo(200);
        assertThat(projects.body()).startsWith("[");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url.group() + "runs.html?project="
                + "a%2Fb%20%C3%BC")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("dashboard.js", "echarts.min.js");
        shell.interrupt();
        shell.join(30_000);
        assertThat(shell.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Matcher awaitUrl(StringWriter out) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = URL.matcher(out.toString());
            if (matcher.find()) {
                return matcher;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("dashboard printed no URL within 60 s: " + out);
    }
}
