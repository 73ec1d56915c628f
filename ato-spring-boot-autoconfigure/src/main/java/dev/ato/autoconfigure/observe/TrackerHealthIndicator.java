package dev.ato.autoconfigure.observe;

import dev.ato.tracker.TrackerSchema;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import javax.sql.DataSource;

/**
 * The tracker database's health ({@code /actuator/health/ato}): reachable (a valid connection), writable (a row
 * written and rolled back) and the schema version ({@link TrackerSchema#health}). A schema not created yet is fine
 * (the tracker creates it on first use); an older version than this release ships is {@code DOWN}. The check never
 * migrates anything.
 */
final class TrackerHealthIndicator extends AbstractHealthIndicator {

    private final DataSource dataSource;

    TrackerHealthIndicator(DataSource dataSource) {
        super("tracker database health check failed");
        this.dataSource = dataSource;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        String newest = TrackerSchema.newestVersion();
        TrackerSchema.Health health = TrackerSchema.health(dataSource);
        builder.withDetail("reachable", health.reachable()).withDetail("expectedSchemaVersion", newest);
        if (!health.reachable()) {
            builder.down();
            return;
        }
        builder.withDetail("database", health.database());
        if (health.schemaVersion() == null) {
            builder.up().withDetail("schemaVersion", "none (created on first use)");
            return;
        }
        builder.withDetail("schemaVersion", health.schemaVersion()).withDetail("writable", health.writable());
        if (!health.writable()) {
            builder.down().withDetail("problem", "not writable: " + health.writeError());
        } else if (health.current()) {
            builder.up();
        } else {
            builder.down().withDetail("problem", "the schema is at " + health.schemaVersion() + ", this release needs "
                    + newest + " (it is upgraded when the tracker is first used)");
        }
    }
}
