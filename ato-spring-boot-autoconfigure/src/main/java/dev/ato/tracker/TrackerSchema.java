package dev.ato.tracker;

import dev.ato.AtoConfigException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Creates and upgrades the tracker's tables with Flyway ({@code classpath:db/migration/sqlite} or
 * {@code .../postgresql}). A database Python ato created already has version 1: it is baselined there and only
 * Ato's additions are applied, so nothing in it is lost. Spring Boot's Flyway does the same with
 * {@code spring.flyway.locations=classpath:db/migration/{vendor}} and {@code spring.flyway.baseline-on-migrate=true}.
 */
public final class TrackerSchema {

    /** Where the migrations live; {@code {vendor}} is {@code sqlite} or {@code postgresql}. */
    public static final String LOCATIONS = "classpath:db/migration/{vendor}";

    private TrackerSchema() {
    }

    /** Brings the schema behind {@code dataSource} to the newest version; safe to call on every start. */
    public static void migrate(DataSource dataSource) {
        SqlFlavor flavor;
        try (Connection connection = dataSource.getConnection()) {
            flavor = SqlFlavor.of(connection);
        } catch (SQLException e) {
            throw new AtoConfigException("cannot connect to the tracker database: " + e.getMessage(), e);
        }
        String location = "classpath:db/migration/" + (flavor == SqlFlavor.SQLITE ? "sqlite" : "postgresql");
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(location)
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("tables created by Python ato")
                .load();
        try {
            flyway.migrate();
        } catch (FlywayException raced) {
            // Two processes may migrate a new file at once; the loser finds the winner's history the second time.
            try {
                flyway.migrate();
            } catch (FlywayException e) {
                e.addSuppressed(raced);
                throw new AtoConfigException("cannot create or upgrade the tracker schema: " + e.getMessage(), e);
            }
        }
    }
}
