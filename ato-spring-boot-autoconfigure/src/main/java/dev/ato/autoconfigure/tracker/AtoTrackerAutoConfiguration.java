package dev.ato.autoconfigure.tracker;

import dev.ato.autoconfigure.AtoProperties;
import dev.ato.autoconfigure.sanitize.AtoSanitizerAutoConfiguration;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.tracker.Database;
import dev.ato.sanitize.Sanitizer;
import dev.ato.tracker.RunFinder;
import dev.ato.tracker.Tracker;
import dev.ato.tracker.TrackerListener;
import dev.ato.tracker.TrackerOptions;
import dev.ato.tracker.TrackerSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

import javax.sql.DataSource;

/**
 * {@link Tracker} and {@link RunFinder} on the application's DataSource (or the embedded SQLite default), when Flyway
 * is on the class path (the starter brings it). Both are
 * lazy: the schema is migrated, and the database touched, only when something first uses them, so an application
 * or a one-shot command that never tracks a run pays nothing for the database.
 */
@AutoConfiguration(after = {AtoSqliteAutoConfiguration.class, DataSourceAutoConfiguration.class,
        AtoSanitizerAutoConfiguration.class})
@ConditionalOnClass(name = "org.flywaydb.core.Flyway") // optional: Ato's schema is migrated with Flyway
@ConditionalOnBooleanProperty(name = {"ato.enabled", "ato.tracker.enabled"}, matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(AtoProperties.class)
public class AtoTrackerAutoConfiguration {

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    TrackerSchemaMigration atoTrackerSchema(DataSource dataSource) {
        Database database = Database.of(dataSource);
        TrackerSchema.migrate(database); // one query when the schema is already current
        return new TrackerSchemaMigration(database);
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    Tracker atoTracker(TrackerSchemaMigration schema, ObjectProvider<AtoScopes> scopes,
                       ObjectProvider<Sanitizer> sanitizer, AtoProperties properties,
                       ObjectProvider<TrackerListener> listeners) {
        Tracker tracker = Tracker.create(schema.database(), TrackerOptions.defaults());
        tracker.storeConfigsThrough(properties.getTracker().isStoreSecrets() ? null
                : sanitizer.getIfAvailable(Sanitizer::defaults));
        scopes.ifAvailable(s -> tracker.onStart(TrackedRuns.fingerprintsOf(s)));
        listeners.orderedStream().forEach(tracker::addListener); // meters, when Micrometer is there
        return tracker;
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    TrackedRuns atoTrackedRuns(Tracker tracker, ObjectProvider<AtoScopes> scopes, AtoProperties properties) {
        return new TrackedRuns(tracker, scopes.getObject(), properties.getProject());
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    RunFinder atoRunFinder(TrackerSchemaMigration schema, ObjectProvider<Sanitizer> sanitizer) {
        return RunFinder.create(schema.database(), TrackerOptions.defaults().crashGrace(),
                sanitizer.getIfAvailable(Sanitizer::defaults));
    }
}
