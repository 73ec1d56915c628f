package dev.ato.autoconfigure.tracker;

import dev.ato.tracker.AtoSQLiteDialect;
import dev.ato.tracker.Experiment;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The tracker's JPA entities and Spring Data repositories, for applications that bring JPA themselves (the starter
 * does not, so that JPA's start-up cost is paid only by those who use it). The schema is migrated before the
 * EntityManagerFactory starts, and on SQLite Hibernate gets {@link AtoSQLiteDialect}.
 */
@AutoConfiguration(after = AtoTrackerAutoConfiguration.class,
        beforeName = {"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"})
@ConditionalOnClass(value = {EntityManagerFactory.class, JpaRepository.class, HibernatePropertiesCustomizer.class},
        name = "org.flywaydb.core.Flyway")
@ConditionalOnBooleanProperty(name = {"ato.enabled", "ato.tracker.enabled"}, matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = Experiment.class)
public class AtoJpaAutoConfiguration {

    @Bean
    static EntityManagerFactoryDependsOnPostProcessor atoSchemaBeforeEntityManagerFactory() {
        return new EntityManagerFactoryDependsOnPostProcessor("atoTrackerSchema");
    }

    @Bean
    @ConditionalOnClass(name = "org.hibernate.community.dialect.SQLiteDialect")
    HibernatePropertiesCustomizer atoSqliteDialect(ObjectProvider<TrackerSchemaMigration> schema) {
        return properties -> {
            TrackerSchemaMigration migrated = schema.getIfAvailable();
            if (migrated != null && migrated.database().vendor().equals("sqlite")) {
                properties.put("hibernate.dialect", AtoSQLiteDialect.class.getName());
            }
        };
    }
}
