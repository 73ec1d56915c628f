package dev.ato.autoconfigure.bench;

import dev.ato.autoconfigure.bench.app.BenchApp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.concurrent.TimeUnit;

/**
 * Context start-up of the minimal {@link BenchApp} with Ato (its view component, the SQLite default DataSource,
 * lazy tracker) against the same app with Ato and the JDBC auto-configuration the starter brings switched off.
 * Both leave out JPA and Spring Shell, which the starter does not bring. Warm JVM; the cold, per-process numbers
 * come from {@link OneShotHarness}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SpringStartupBench {

    private static final String NOT_IN_STARTER = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
            + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration,"
            + "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration";
    private static final String STARTER_JDBC = ",org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration,"
            + "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration,"
            + "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration";

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(BenchApp.class).web(WebApplicationType.NONE).logStartupInfo(false)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF).properties(properties).run();
    }

    @Benchmark
    public void withStarter() {
        start("spring.autoconfigure.exclude=" + NOT_IN_STARTER, "ato.sqlite.path=target/bench/startup.db",
                "logging.level.root=warn").close();
    }

    @Benchmark
    public void withoutStarter() {
        start("spring.autoconfigure.exclude=" + NOT_IN_STARTER + STARTER_JDBC, "ato.enabled=false",
                "logging.level.root=warn").close();
    }
}
