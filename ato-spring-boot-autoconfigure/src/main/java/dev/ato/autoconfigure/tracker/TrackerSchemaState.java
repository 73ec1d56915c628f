package dev.ato.autoconfigure.tracker;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether the tracker's schema is already at the newest migration, read from Flyway's history table with one query,
 * so that a read-only command (runs list, runs best) does not load and start Flyway on every invocation.
 */
final class TrackerSchemaState {

    private TrackerSchemaState() {
    }

    /** True only when the history table records the newest migration shipped for this database as applied. */
    static boolean isCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String vendor = connection.getMetaData().getURL().startsWith("jdbc:sqlite:") ? "sqlite" : "postgresql";
            List<Integer> newest = newestShipped(vendor);
            Set<List<Integer>> applied = new HashSet<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success")) {
                while (rows.next()) {
                    if (rows.getString(1) != null) {
                        applied.add(version(rows.getString(1)));
                    }
                }
            }
            return newest != null && applied.contains(newest);
        } catch (SQLException | IOException notYetMigrated) {
            return false; // no history table (a new or a Python ato database): let Flyway decide
        }
    }

    private static List<Integer> newestShipped(String vendor) throws IOException {
        Resource[] scripts = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/migration/" + vendor + "/V*__*.sql");
        return Arrays.stream(scripts).map(Resource::getFilename)
                .map(name -> version(name.substring(1, name.indexOf("__")).replace('_', '.')))
                .max(TrackerSchemaState::compare).orElse(null);
    }

    private static List<Integer> version(String text) {
        return Arrays.stream(text.split("\\.")).map(Integer::valueOf).toList();
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
