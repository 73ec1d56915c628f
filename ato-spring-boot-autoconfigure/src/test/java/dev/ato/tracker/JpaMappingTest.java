package dev.ato.tracker;

import dev.ato.adict.ADict;
import jakarta.persistence.EntityManager;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JPA entities validate (Hibernate {@code hbm2ddl.auto=validate}) against the migrated schema on SQLite, on a
 * database Python ato created, and on PostgreSQL; the Spring Data repositories read Python ato's rows, with
 * Hibernate bootstrapped directly and {@link JpaRepositoryFactory} (no Spring context).
 */
class JpaMappingTest {

    private static final List<Class<?>> ENTITIES =
            List.of(Project.class, Experiment.class, Metric.class, Artifact.class, Fingerprint.class);

    @TempDir
    Path dir;

    private static SessionFactory validated(javax.sql.DataSource dataSource, boolean sqlite) {
        Configuration configuration = new Configuration();
        ENTITIES.forEach(configuration::addAnnotatedClass);
        configuration.getProperties().put("hibernate.connection.datasource", dataSource);
        configuration.setProperty("hibernate.hbm2ddl.auto", "validate");
        if (sqlite) {
            configuration.setProperty("hibernate.dialect", AtoSQLiteDialect.class.getName());
        }
        return configuration.buildSessionFactory();
    }

    @Test
    void entitiesValidateAgainstAFreshSqliteSchemaAndReadWhatTheTrackerWrote() {
        String url = "jdbc:sqlite:" + dir.resolve("fresh.db");
        long id;
        try (Tracker tracker = Tracker.open(url); RunHandle run = tracker.start("vision", ADict.of(Map.of("lr", 0.1)), "a")) {
            id = run.id();
            run.logMetric("loss", 0.5, 3);
            run.fingerprint("train_step", "static", "h");
        }
        try (Database db = Database.open(url); SessionFactory sf = validated(db.dataSource(), true);
             EntityManager em = sf.createEntityManager()) {
            JpaRepositoryFactory factory = new JpaRepositoryFactory(em);
            Experiment run = factory.getRepository(ExperimentRepository.class).findById(id).orElseThrow();
            assertThat(run.getStatus()).isEqualTo("completed");
            assertThat(run.getConfig()).isEqualTo(ADict.of(Map.of("lr", 0.1)));
            assertThat(run.getTags()).containsExactly("a");
            assertThat(run.getHeartbeatAt()).isNotNull();
            assertThat(run.getProject().getName()).isEqualTo("vision");
            Metric metric = factory.getRepository(MetricRepository.class).findByRunIdAndKeyOrderByStepAsc(id, "loss").get(0);
            assertThat(metric.getValue()).isEqualTo(0.5);
            assertThat(metric.getStep()).isEqualTo(3);
            assertThat(metric.getLoggedAt()).isAfterOrEqualTo(run.getStartTime());
            assertThat(factory.getRepository(FingerprintRepository.class).findByRunIdOrderByIdAsc(id))
                    .extracting(Fingerprint::getTraceId).containsExactly("train_step");
        }
    }

    @Test
    void entitiesValidateAgainstAnAdoptedPythonDatabaseAndReadItsRows() throws Exception {
        String url = "jdbc:sqlite:" + PythonSampleDatabase.copyInto(dir);
        RunFinder.open(url).close();
        try (Database db = Database.open(url); SessionFactory sf = validated(db.dataSource(), true);
             EntityManager em = sf.createEntityManager()) {
            JpaRepositoryFactory factory = new JpaRepositoryFactory(em);
            List<Experiment> vision = factory.getRepository(ExperimentRepository.class)
                    .findByProjectNameOrderByIdAsc("vision");
            assertThat(vision).extracting(Experiment::getId).containsExactly(1L, 2L, 3L, 4L);
            assertThat(vision.get(0).getStartTime()).isEqualTo(LocalDateTime.parse("2026-11-22T18:06:28.544427"));
            assertThat(vision.get(0).getTags()).containsExactly("baseline", "resnet50");
            assertThat(factory.getRepository(ProjectRepository.class).findByName("nlp")).isPresent();
            assertThat(factory.getRepository(ArtifactRepository.class).findByRunIdOrderByIdAsc(2L))
                    .extracting(Artifact::getPath).containsExactly("plots/loss.png", "checkpoints/run2.pt");
            assertThat(factory.getRepository(MetricRepository.class).countByRunId(1L)).isPositive();
        }
    }

    @Test
    void entitiesValidateAgainstPostgres() {
        String url = System.getenv("ATO_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(url != null, "set ATO_TEST_POSTGRES_URL (e.g. "
                + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to validate the entities on PostgreSQL");
        long id;
        try (Tracker tracker = Tracker.open(url); RunHandle run = tracker.start("jpa-pg", ADict.of(Map.of("x", 1)))) {
            id = run.id();
            run.logMetric("m", 1.5, 1);
        }
        try (Database db = Database.open(url); SessionFactory sf = validated(db.dataSource(), false);
             EntityManager em = sf.createEntityManager()) {
            JpaRepositoryFactory factory = new JpaRepositoryFactory(em);
            Experiment run = factory.getRepository(ExperimentRepository.class).findById(id).orElseThrow();
            assertThat(run.getConfig()).isEqualTo(ADict.of(Map.of("x", 1)));
            assertThat(factory.getRepository(MetricRepository.class).countByRunId(id)).isEqualTo(1);
        }
    }
}
