package dev.ato.autoconfigure.observe;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.sanitize.AtoSanitizerAutoConfiguration;
import dev.ato.autoconfigure.scope.AtoScopeAutoConfiguration;
import dev.ato.autoconfigure.tracker.AtoSqliteAutoConfiguration;
import dev.ato.autoconfigure.tracker.AtoTrackerAutoConfiguration;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.Tracker;
import dev.ato.tracker.TrackerOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tracker's health indicator, Ato's info and the tracker's meters, each only with its library. */
class AtoObservabilityTest {

    private static final AutoConfigurations ATO = AutoConfigurations.of(AtoSanitizerAutoConfiguration.class,
            AtoSqliteAutoConfiguration.class, DataSourceAutoConfiguration.class, AtoScopeAutoConfiguration.class,
            AtoTrackerAutoConfiguration.class, AtoObservabilityAutoConfiguration.class, MetricsAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class);

    @TempDir
    Path dir;

    private ApplicationContextRunner runner(String db) {
        return new ApplicationContextRunner().withConfiguration(ATO)
                .withPropertyValues("ato.sqlite.path=" + dir.resolve(db), "config.lr=0.1");
    }

    @Test
    void healthIsUpBeforeTheSchemaExistsAndReportsTheVersionOnceItDoes() {
        runner("health.db").run(context -> {
            HealthIndicator health = context.getBean("atoHealthIndicator", HealthIndicator.class);
            Health before = health.health(true);
            assertThat(before.getStatus()).isEqualTo(Status.UP);
            assertThat(before.getDetails()).containsEntry("reachable", true)
                    .containsEntry("schemaVersion", "none (created on first use)");
            assertThat(dir.resolve("health.db")).as("the check migrates nothing").satisfiesAnyOf(
                    p -> assertThat(p).doesNotExist(), p -> assertThat(tables(p)).doesNotContain("ato_schema_history"));
            context.getBean(Tracker.class).start("p", ADict.of(Map.of("lr", 0.1))).close();
            Health after = health.health(true);
            assertThat(after.getStatus()).isEqualTo(Status.UP);
            assertThat(after.getDetails()).containsEntry("schemaVersion", "2.1").containsEntry("writable", true)
                    .containsEntry("database", "SQLite");
        });
    }

    @Test
    void healthIsDownForAReadOnlyDatabaseAndForAnOlderSchema() throws Exception {
        Path file = dir.resolve("ro.db");
        try (Tracker tracker = Tracker.open("jdbc:sqlite:" + file)) {
            tracker.start("p", new ADict()).close();
        }
        new ApplicationContextRunner().withConfiguration(ATO)
                .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + file,
                        "spring.datasource.hikari.connection-init-sql=PRAGMA query_only = 1")
                .run(context -> {
                    Health health = context.getBean("atoHealthIndicator", HealthIndicator.class).health(true);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("reachable", true);
                    assertThat(health.getDetails()).containsEntry("writable", false);
                    assertThat(String.valueOf(health.getDetails().get("problem"))).contains("readonly");
                });
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM ato_schema_history WHERE version = '2.1'");
        }
        new ApplicationContextRunner().withConfiguration(ATO)
                .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + file)
                .run(context -> {
                    Health health = context.getBean("atoHealthIndicator", HealthIndicator.class).health(true);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(String.valueOf(health.getDetails().get("problem"))).contains("this release needs 2.1");
                });
    }

    @Test
    void infoHasTheVersionTheScopesAndTheirStructuralHashes() {
        runner("info.db").run(context -> {
            Info.Builder builder = new Info.Builder();
            context.getBean("atoInfoContributor", InfoContributor.class).contribute(builder);
            @SuppressWarnings("unchecked")
            Map<String, Object> ato = (Map<String, Object>) builder.build().getDetails().get("ato");
            assertThat(ato.get("version")).asString().matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(ato.get("scopes")).asString().contains("config", "structuralHash")
                    .doesNotContain("0.1"); // names and hashes, no values
        });
    }

    @Test
    void theTrackersMetersCountRunsMetricsAndWritesAndLiveRunGaugesComeAndGo() {
        runner("meters.db").withPropertyValues("ato.tracker.meters.live-run-metrics=true").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("ato.tracker.runs.started").counter().count()).isZero();
            Tracker tracker = context.getBean(Tracker.class);
            RunHandle run = tracker.start("p", ADict.of(Map.of("lr", 0.1)));
            run.logMetric("loss", 0.9, 1);
            run.logMetric("loss", 0.5, 2);
            run.logMetric("acc", 0.7, 2);
            assertThat(registry.get("ato.run.metric").tags("run", Long.toString(run.id()), "key", "loss").gauge()
                    .value()).isEqualTo(0.5);
            assertThat(registry.get("ato.tracker.runs.open").gauge().value()).isEqualTo(1.0);
            run.flush();
            run.close();
            RunHandle failed = tracker.start("p", new ADict());
            failed.recordFailure(new IllegalStateException("boom"));
            failed.close();
            assertThat(registry.get("ato.tracker.runs.started").counter().count()).isEqualTo(2.0);
            assertThat(registry.get("ato.tracker.runs.ended").tag("status", "completed").counter().count()).isEqualTo(1);
            assertThat(registry.get("ato.tracker.runs.ended").tag("status", "failed").counter().count()).isEqualTo(1);
            assertThat(registry.get("ato.tracker.metrics.logged").counter().count()).isEqualTo(3.0);
            assertThat(registry.get("ato.tracker.metrics.batch.write").timer().count()).isPositive();
            assertThat(registry.get("ato.tracker.metrics.queued").gauge().value()).isZero();
            assertThat(registry.find("ato.run.metric").gauges()).as("removed when the run ends").isEmpty();
        });
    }

    @Test
    void liveRunGaugesAreOffByDefault() {
        runner("nolive.db").run(context -> {
            Tracker tracker = context.getBean(Tracker.class);
            try (RunHandle run = tracker.start("p", new ADict())) {
                run.logMetric("loss", 1, 1);
                assertThat(context.getBean(MeterRegistry.class).find("ato.run.metric").gauges()).isEmpty();
            }
        });
    }

    @Test
    void crashedRunsFoundByTheHeartbeatAreCounted() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("crash.db");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TrackerMeters meters = new TrackerMeters(false);
        meters.bindTo(registry);
        try (Tracker silent = Tracker.open(url);
             Tracker watcher = Tracker.open(url, TrackerOptions.defaults()
                     .withHeartbeat(Duration.ofMillis(50), Duration.ofMillis(200)))) {
            watcher.addListener(meters);
            RunHandle run = silent.start("p", new ADict());
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE experiments SET heartbeat_at = '2000-01-01 00:00:00.000000' WHERE id = "
                        + run.id());
            }
            Instant deadline = Instant.now().plusSeconds(10);
            while (registry.get("ato.tracker.runs.ended").tag("status", "crashed").counter().count() < 1
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(registry.get("ato.tracker.runs.ended").tag("status", "crashed").counter().count())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void eachPartNeedsItsLibrary() {
        runner("classes.db").withClassLoader(new FilteredClassLoader(MeterBinder.class))
                .run(context -> assertThat(context).doesNotHaveBean(TrackerMeters.class)
                        .hasBean("atoHealthIndicator"));
        runner("classes.db").withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean("atoHealthIndicator")
                        .hasSingleBean(TrackerMeters.class));
        runner("classes.db").withClassLoader(new FilteredClassLoader(InfoContributor.class))
                .run(context -> assertThat(context).doesNotHaveBean("atoInfoContributor"));
        runner("classes.db").withPropertyValues("management.health.ato.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("atoHealthIndicator"));
    }

    private static java.util.List<String> tables(Path db) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             var rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
