package dev.ato.tracker;

import dev.ato.adict.ADict;
import dev.ato.sanitize.Sanitizer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.ato.sanitize.Sanitizer.MASK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's secrets are stored as the mask (key and structural hash kept), and configs stored in clear are masked on
 * the way out; on SQLite, and on PostgreSQL when ATO_TEST_POSTGRES_URL is set.
 */
class TrackerSecretsTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> databases() {
        List<Arguments> result = new ArrayList<>();
        result.add(Arguments.of("sqlite", "jdbc:sqlite:" + dir.resolve("secrets.db")));
        String postgres = System.getenv("ATO_TEST_POSTGRES_URL");
        if (postgres != null && !postgres.isBlank()) {
            result.add(Arguments.of("postgresql", postgres));
        } else {
            System.out.println("TrackerSecretsTest: PostgreSQL case skipped; set ATO_TEST_POSTGRES_URL "
                    + "(e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run it");
        }
        return result.stream();
    }

    private static ADict secretConfig() {
        return ADict.auto().set("lr", 0.1).set("db.password", "hunter2")
                .set("aws.credentials.access_key_id", "AKIA-SECRET").set("aws.credentials.region", "eu-west-1")
                .set("model.layers.attention.api_token", "tok-deep").set("model.layers.width", 64)
                .set("data.url", "postgres://app:pg-pass@db/x");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void secretsAreStoredAsTheMaskWithKeysAndStructuralHashKept(String name, String url) throws Exception {
        String project = "secrets-" + UUID.randomUUID();
        ADict config = secretConfig();
        long id;
        try (Tracker tracker = Tracker.open(url); RunHandle run = tracker.start(project, config)) {
            id = run.id();
        }
        String stored = storedConfig(url, id);
        assertThat(stored).doesNotContain("hunter2", "AKIA-SECRET", "tok-deep", "pg-pass", "eu-west-1")
                .contains("\"password\": \"" + MASK + "\"", "\"access_key_id\": \"" + MASK + "\"",
                        "\"api_token\": \"" + MASK + "\"", "postgres://app:" + MASK + "@db/x", "\"width\": 64");
        try (RunFinder finder = RunFinder.open(url)) {
            Run run = finder.findRun(id).orElseThrow();
            assertThat(run.structuralHash()).isEqualTo(config.structuralHash());
            assertThat(run.config().leaves().keySet()).isEqualTo(config.leaves().keySet());
            assertThat(run.config().get("lr")).isEqualTo(0.1);
            assertThat(run.config().get("model.layers.attention.api_token")).isEqualTo(MASK);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void configsStoredInClearAreMaskedOnTheWayOutWithTheEndReason(String name, String url) throws Exception {
        String project = "clear-" + UUID.randomUUID();
        long id;
        try (Tracker tracker = Tracker.open(url).storeConfigsThrough(null)) {
            RunHandle run = tracker.start(project, secretConfig());
            id = run.id();
            run.recordFailure(new IllegalStateException("login refused for password 'hunter2'"));
            run.close();
        }
        assertThat(storedConfig(url, id)).as("the opt-out stores the value").contains("hunter2", "AKIA-SECRET");
        try (RunFinder finder = RunFinder.open(url)) {
            Run run = finder.findRun(id).orElseThrow();
            assertThat(run.config().get("db.password")).isEqualTo(MASK);
            assertThat(run.config().get("aws.credentials.access_key_id")).isEqualTo(MASK);
            assertThat(run.config().get("model.layers.attention.api_token")).isEqualTo(MASK);
            assertThat(run.config().get("data.url")).isEqualTo("postgres://app:" + MASK + "@db/x");
            assertThat(run.endReason()).contains("login refused").doesNotContain("hunter2");
            assertThat(finder.runsInProject(project)).singleElement()
                    .satisfies(r -> assertThat(r.config().get("db.password")).isEqualTo(MASK));
        }
        try (var database = Database.open(url);
             RunFinder raw = RunFinder.create(database, TrackerOptions.defaults().crashGrace(), null)) {
            assertThat(raw.findRun(id).orElseThrow().config().get("db.password"))
                    .as("a finder without a sanitizer returns what is stored").isEqualTo("hunter2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theApplicationsOwnRulesApplyWhenStoring(String name, String url) throws Exception {
        Sanitizer own = Sanitizer.of(List.of("iban"), List.of());
        long id;
        try (Tracker tracker = Tracker.open(url).storeConfigsThrough(own);
             RunHandle run = tracker.start("own-" + UUID.randomUUID(),
                     ADict.auto().set("customer.iban", "DE89").set("n", 1))) {
            id = run.id();
        }
        assertThat(storedConfig(url, id)).doesNotContain("DE89").contains(MASK);
    }

    private static String storedConfig(String url, long id) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement("SELECT config FROM experiments WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
