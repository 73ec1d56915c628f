package dev.ato.autoconfigure.tracker;

import dev.ato.autoconfigure.AtoProperties;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.tracker.Database;
import dev.ato.tracker.RunFinder;
import dev.ato.tracker.Tracker;
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
 * {@link Tracker} and {@link RunFinder} on the application's DataSource (or the embedded SQLite default). Both are
 * lazy: the schema is migrated, and the database touched, only when something first uses them, so an application
 * or a one-shot command that never tracks a run pays nothing for the database.
 */
@AutoConfiguration(after = {AtoSqliteAutoConfiguration.class, DataSourceAutoConfiguration.class})
@ConditionalOnClass(Tracker.class)
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
    Tracker atoTracker(TrackerSchemaMigration schema, ObjectProvider<AtoScopes> scopes) {
        Tracker tracker = Tracker.create(schema.database(), TrackerOptions.defaults());
        scopes.ifAvailable(s -> tracker.onStart(TrackedRuns.fingerprintsOf(s)));
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
    RunFinder atoRunFinder(TrackerSchemaMigration schema) {
        return RunFinder.create(schema.database(), TrackerOptions.defaults().crashGrace());
    }
}
