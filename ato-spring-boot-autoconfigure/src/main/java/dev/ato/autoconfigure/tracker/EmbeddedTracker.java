package dev.ato.autoconfigure.tracker;

import dev.ato.autoconfigure.AtoProperties;
import dev.ato.sanitize.Sanitizer;
import dev.ato.tracker.Database;
import dev.ato.tracker.RunFinder;
import dev.ato.tracker.TrackerOptions;
import dev.ato.tracker.TrackerSchema;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The tracker's reading side on the embedded SQLite default, for code that runs before the application context
 * exists (the one-shot {@code runs} commands): the same file, settings, schema check and {@link RunFinder} as the
 * context's beans, decided by the same rules ({@link AtoSqliteAutoConfiguration}, {@link AtoTrackerAutoConfiguration}).
 */
public final class EmbeddedTracker {

    private EmbeddedTracker() {
    }

    /**
     * Whether the context would put the tracker on the embedded SQLite file: Ato, its tracker and its SQLite default
     * switched on, no {@code spring.datasource.url}, and the SQLite driver and Flyway on the class path. (A
     * DataSource bean of the application's own also rules it out; the caller checks the application's classes.)
     */
    public static boolean applies(Environment environment, ClassLoader classLoader) {
        String url = environment.getProperty("spring.datasource.url");
        return environment.getProperty("ato.enabled", Boolean.class, true)
                && environment.getProperty("ato.tracker.enabled", Boolean.class, true)
                && environment.getProperty("ato.sqlite.enabled", Boolean.class, true)
                && (url == null || url.isBlank())
                && ClassUtils.isPresent("org.sqlite.JDBC", classLoader)
                && ClassUtils.isPresent("org.flywaydb.core.Flyway", classLoader);
    }

    /** The JDBC URL of the embedded file ({@code ato.sqlite.*}), its directory created as the context creates it. */
    public static String url(Environment environment) {
        AtoProperties properties = Binder.get(environment).bindOrCreate("ato", AtoProperties.class);
        return SqliteConnectionDetails.of(properties.getSqlite()).createDirectory().getJdbcUrl();
    }

    /**
     * A {@link RunFinder} on the embedded file as the context's beans read it: through a DataSource on the same URL
     * (so a read-only file is read as the context reads it), the schema checked (migrated when behind), the same
     * crash grace and sanitizer. Each unit of work opens and closes its own connection.
     */
    public static RunFinder runFinder(Environment environment, Sanitizer sanitizer) {
        Database database = Database.unpooled(url(environment));
        TrackerSchema.migrate(database); // one query when the schema is already current
        return RunFinder.create(database, TrackerOptions.defaults().crashGrace(), sanitizer);
    }
}
