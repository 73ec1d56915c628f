package dev.ato.tracker;

import org.jspecify.annotations.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SQL of the HyperBand search tables ({@code ato_searches}, {@code ato_search_trials}), for
 * {@code dev.ato.hyperopt} and the dashboard: rows in, rows out, JSON as text. What the rows mean (claiming,
 * halving) is the search package's; how they are stored, locked and retried is this owner's. A worker claims a trial
 * with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL, MariaDB) or under SQLite's single write lock.
 */
public final class SearchTables {

    private static final String SEARCH_COLUMNS = "id, project, space, settings, base_config, status, generation,"
            + " best_run_id, best_metric, best_config, error, created_ms, updated_ms";
    private static final String TRIAL_COLUMNS =
            "id, generation, position, final, candidate, status, metric, run_id, error, promoted, worker";

    private final Database database;
    private final SqlFlavor flavor;

    private SearchTables(Database database) {
        this.database = database;
        this.flavor = database.flavor();
    }

    /** The search tables of a migrated database. */
    public static SearchTables of(Database database) {
        return new SearchTables(database);
    }

    /**
     * One row of {@code ato_searches}; JSON columns as text.
     *
     * @param bestMetric null until the search completed
     */
    public record StoredSearch(String id, String project, String space, String settings, String baseConfig,
            String status, int generation, @Nullable Long bestRunId, @Nullable Double bestMetric, @Nullable String bestConfig, @Nullable String error,
            long createdMs, long updatedMs) {
    }

    /**
     * One row of {@code ato_search_trials}; the candidate as JSON text.
     *
     * @param metric NaN while unknown, for a NaN result and for a failure
     * @param worker the worker holding or last holding the trial, or null
     */
    public record StoredTrial(long id, int generation, int position, boolean isFinal, String candidate,
            String status, double metric, @Nullable Long runId, @Nullable String error, boolean promoted, @Nullable String worker) {
    }

    /**
     * What a pruner sees of one trial of a search: its row, and one of the reports its run logged so far.
     *
     * @param runId the trial's run, null before a worker started it
     * @param step  the report's step, null for a trial listed without reports (pending, finished, or none yet)
     */
    public record TrialReport(long trialId, Long runId, String status, Long step, double value) {
    }

    /** One logged value of a run's metric. */
    public record Report(long step, double value) {
    }

    /** Whether this database has the search tables (a Python ato database migrated by Ato always has). */
    public boolean exist() {
        return database.read("look for the search tables", c -> TrackerSchema.Adoption.hasTable(c, "ato_search_trials"));
    }

    /** Runs {@code work} in one write transaction, retried on a lock conflict (so it must not have side effects). */
    public <T> T inTransaction(String what, Function<Transaction, T> work) {
        return database.write(what, c -> run(c, work));
    }

    /** Runs read-only {@code work} on one connection. */
    public <T> T read(String what, Function<Transaction, T> work) {
        return database.read(what, c -> run(c, work));
    }

    private <T> T run(Connection c, Function<Transaction, T> work) throws SQLException {
        try {
            return work.apply(new Transaction(c));
        } catch (SqlFailure failure) {
            throw failure.getCause();
        }
    }

    /** Carries a SQLException out of a {@link Transaction} method to the retry loop. */
    private static final class SqlFailure extends RuntimeException {
        SqlFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    /** The statements on the search tables, inside one unit of work. */
    public final class Transaction {

        private final Connection connection;

        private Transaction(Connection connection) {
            this.connection = connection;
        }

        private <T> T statement(String sql, Statement<T> work) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                return work.run(ps);
            } catch (SQLException e) {
                throw new SqlFailure(e);
            }
        }

        /** Records a new running search at generation 0. */
        public void insertSearch(String id, String project, String space, String settings, String baseConfig,
                long nowMs) {
            statement("INSERT INTO ato_searches (" + SEARCH_COLUMNS + ") VALUES (?, ?, ?, ?, ?, 'running', 0, NULL,"
                    + " NULL, NULL, NULL, ?, ?)", ps -> {
                ps.setString(1, id);
                ps.setString(2, project);
                ps.setString(3, space);
                ps.setString(4, settings);
                ps.setString(5, baseConfig);
                ps.setLong(6, nowMs);
                ps.setLong(7, nowMs);
                return ps.executeUpdate();
            });
        }

        public Optional<StoredSearch> search(String id) {
            return statement("SELECT " + SEARCH_COLUMNS + " FROM ato_searches WHERE id = ?", ps -> {
                ps.setString(1, id);
                List<StoredSearch> found = searches(ps);
                return found.isEmpty() ? Optional.<StoredSearch>empty() : Optional.of(found.get(0));
            });
        }

        /** The searches of a project, oldest first. */
        public List<StoredSearch> searches(String project) {
            return statement("SELECT " + SEARCH_COLUMNS + " FROM ato_searches WHERE project = ?"
                    + " ORDER BY created_ms, id", ps -> {
                ps.setString(1, project);
                return searches(ps);
            });
        }

        private List<StoredSearch> searches(PreparedStatement ps) throws SQLException {
            List<StoredSearch> searches = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long bestRun = rs.getLong("best_run_id");
                    Long bestRunId = rs.wasNull() ? null : bestRun;
                    Object best = rs.getObject("best_metric");
                    searches.add(new StoredSearch(rs.getString("id"), rs.getString("project"), rs.getString("space"),
                            rs.getString("settings"), rs.getString("base_config"), rs.getString("status"),
                            rs.getInt("generation"), bestRunId, best == null ? null : flavor.metricValue(best),
                            rs.getString("best_config"), rs.getString("error"), rs.getLong("created_ms"),
                            rs.getLong("updated_ms")));
                }
            }
            return searches;
        }

        /** The trials of a search (of one generation when {@code generation} is not null), by generation and position. */
        public List<StoredTrial> trials(String searchId, @Nullable Integer generation) {
            return statement("SELECT " + TRIAL_COLUMNS + " FROM ato_search_trials WHERE search_id = ?"
                    + (generation == null ? "" : " AND generation = ?") + " ORDER BY generation, position", ps -> {
                ps.setString(1, searchId);
                if (generation != null) {
                    ps.setInt(2, generation);
                }
                return trials(ps);
            });
        }

        private List<StoredTrial> trials(PreparedStatement ps) throws SQLException {
            List<StoredTrial> trials = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long runId = rs.getLong("run_id");
                    Long run = rs.wasNull() ? null : runId;
                    trials.add(new StoredTrial(rs.getLong("id"), rs.getInt("generation"), rs.getInt("position"),
                            rs.getInt("final") == 1, rs.getString("candidate"), rs.getString("status"),
                            flavor.getMetricValue(rs, "metric"), run, rs.getString("error"),
                            rs.getInt("promoted") == 1, rs.getString("worker")));
                }
            }
            return trials;
        }

        /** Adds pending trials at consecutive positions from {@code firstPosition}. */
        public void insertTrials(String searchId, int generation, int firstPosition, List<String> candidates,
                boolean isFinal) {
            statement("INSERT INTO ato_search_trials (search_id, generation, position, final, candidate, status)"
                    + " VALUES (?, ?, ?, ?, ?, 'pending')", ps -> {
                for (int i = 0; i < candidates.size(); i++) {
                    ps.setString(1, searchId);
                    ps.setInt(2, generation);
                    ps.setInt(3, firstPosition + i);
                    ps.setInt(4, isFinal ? 1 : 0);
                    ps.setString(5, candidates.get(i));
                    ps.addBatch();
                }
                return ps.executeBatch();
            });
        }

        /**
         * Claims the next trial of a running search for {@code worker}: a pending one, or one whose lease expired;
         * highest generation first.
         */
        public Optional<StoredTrial> claim(String searchId, String worker, long leaseMillis) {
            String claimable = "(%sstatus = 'pending' OR (%sstatus = 'running' AND %slease_until < "
                    + flavor.nowMillis() + "))";
            Long id = statement("SELECT t.id FROM ato_search_trials t WHERE t.search_id = ? AND "
                    + claimable.replace("%s", "t.")
                    + " AND EXISTS (SELECT 1 FROM ato_searches s WHERE s.id = t.search_id AND s.status = 'running')"
                    + " ORDER BY t.generation DESC, t.position LIMIT 1" + flavor.forUpdateSkipLocked(), ps -> {
                ps.setString(1, searchId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : null;
                }
            });
            if (id == null) {
                return Optional.empty();
            }
            int claimed = statement("UPDATE ato_search_trials SET status = 'running', worker = ?, lease_until = "
                    + flavor.nowMillis() + " + ?, attempts = attempts + 1 WHERE id = ? AND " + claimable.replace("%s", ""),
                    ps -> {
                ps.setString(1, worker);
                ps.setLong(2, leaseMillis);
                ps.setLong(3, id);
                return ps.executeUpdate();
            });
            if (claimed != 1) {
                return Optional.empty();
            }
            return statement("SELECT " + TRIAL_COLUMNS + " FROM ato_search_trials WHERE id = ?", ps -> {
                ps.setLong(1, id);
                return trials(ps).stream().findFirst();
            });
        }

        /** Extends the lease of a trial {@code worker} still holds; false when it lost it. */
        public boolean extend(long trialId, String worker, long leaseMillis) {
            return statement("UPDATE ato_search_trials SET lease_until = " + flavor.nowMillis()
                    + " + ? WHERE id = ? AND worker = ? AND status = 'running'", ps -> {
                ps.setLong(1, leaseMillis);
                ps.setLong(2, trialId);
                ps.setString(3, worker);
                return ps.executeUpdate() == 1;
            });
        }

        /** Marks a running search failed. */
        public void failSearch(String searchId, String error, long nowMs) {
            statement("UPDATE ato_searches SET status = 'failed', error = ?, updated_ms = ? WHERE id = ?"
                    + " AND status = 'running'", ps -> {
                ps.setString(1, error);
                ps.setLong(2, nowMs);
                ps.setString(3, searchId);
                return ps.executeUpdate();
            });
        }

        /**
         * Sets the run of a trial {@code worker} holds, as soon as the run starts, so other workers can read the
         * reports it logs while it runs; false when the worker no longer holds the trial.
         */
        public boolean attachRun(long trialId, String worker, long runId) {
            return statement("UPDATE ato_search_trials SET run_id = ? WHERE id = ? AND worker = ?"
                    + " AND status = 'running'", ps -> {
                ps.setLong(1, runId);
                ps.setLong(2, trialId);
                ps.setString(3, worker);
                return ps.executeUpdate() == 1;
            });
        }

        /**
         * Every trial of a search with the metric {@code key} its run logged so far when it is running: one row per
         * report, or one row without a step for a trial with none, and for a trial that is not running (whose
         * reports no longer change, so a caller reads them once with {@link #reports(long, String)}). One query,
         * through the trials' search index and the metrics' {@code (run_id, key, step)} index.
         */
        public List<TrialReport> runningReports(String searchId, String key) {
            return statement("SELECT t.id, t.run_id, t.status, m.step, m.value FROM ato_search_trials t"
                    + " LEFT JOIN metrics m ON m.run_id = t.run_id AND m." + flavor.key() + " = ?"
                    + " AND t.status = 'running' WHERE t.search_id = ? ORDER BY t.id, m.step, m.id", ps -> {
                ps.setString(1, key);
                ps.setString(2, searchId);
                List<TrialReport> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long runId = rs.getLong(2);
                        Long run = rs.wasNull() ? null : runId;
                        long step = rs.getLong(4);
                        Long at = rs.wasNull() ? null : step;
                        found.add(new TrialReport(rs.getLong(1), run, rs.getString(3), at,
                                at == null ? Double.NaN : flavor.metricValue(rs.getObject(5))));
                    }
                }
                return found;
            });
        }

        /** The values of metric {@code key} one run logged, in step order. */
        public List<Report> reports(long runId, String key) {
            return statement("SELECT step, value FROM metrics WHERE run_id = ? AND " + flavor.key() + " = ?"
                    + " ORDER BY step, id", ps -> {
                ps.setLong(1, runId);
                ps.setString(2, key);
                List<Report> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Report(rs.getLong(1), flavor.metricValue(rs.getObject(2))));
                    }
                }
                return found;
            });
        }

        /** Records a trial's result when {@code worker} still holds it; false when it does not (nothing changes). */
        public boolean completeTrial(long trialId, String worker, String status, double metric, long runId,
                String error) {
            return statement("UPDATE ato_search_trials SET status = ?, metric = ?, run_id = ?, error = ?,"
                    + " lease_until = NULL WHERE id = ? AND worker = ? AND status = 'running'", ps -> {
                ps.setString(1, status);
                flavor.setMetricValue(ps, 2, metric);
                ps.setLong(3, runId);
                ps.setString(4, error);
                ps.setLong(5, trialId);
                ps.setString(6, worker);
                return ps.executeUpdate() == 1;
            });
        }

        /** Locks the search row until the transaction ends and returns its generation. */
        public int lockSearch(String searchId) {
            return statement("SELECT generation FROM ato_searches WHERE id = ?" + flavor.forUpdate(), ps -> {
                ps.setString(1, searchId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
        }

        /** How many trials of the search are pending or running. */
        public int countOpen(String searchId) {
            return statement("SELECT COUNT(*) FROM ato_search_trials WHERE search_id = ?"
                    + " AND status IN ('pending', 'running')", ps -> {
                ps.setString(1, searchId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
        }

        public void setGeneration(String searchId, int generation) {
            statement("UPDATE ato_searches SET generation = ?, updated_ms = ? WHERE id = ?", ps -> {
                ps.setInt(1, generation);
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, searchId);
                return ps.executeUpdate();
            });
        }

        /** Sets the generation when it is higher than the stored one. */
        public void raiseGeneration(String searchId, int generation) {
            statement("UPDATE ato_searches SET generation = ?, updated_ms = ? WHERE id = ? AND generation < ?", ps -> {
                ps.setInt(1, generation);
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, searchId);
                ps.setInt(4, generation);
                return ps.executeUpdate();
            });
        }

        public void markPromoted(long trialId) {
            statement("UPDATE ato_search_trials SET promoted = 1 WHERE id = ?", ps -> {
                ps.setLong(1, trialId);
                return ps.executeUpdate();
            });
        }

        /** Ends a trial's run with the trial's outcome, in the transaction that records the trial. */
        public void finishRun(long runId, RunStatus status) {
            endRun(runId, status, null);
        }

        /**
         * Marks the run of a worker that lost its trial {@code superseded}: another worker recorded the trial, so
         * this run stays out of project queries (whatever the tracker's heartbeat check had made of it meanwhile).
         */
        public void supersedeRun(long runId, String reason) {
            endRun(runId, RunStatus.SUPERSEDED, reason);
        }

        private void endRun(long runId, RunStatus status, @Nullable String reason) {
            statement("UPDATE experiments SET status = ?, end_time = ?, end_reason = ?, heartbeat_at = ?"
                    + " WHERE id = ? AND status <> 'superseded'", ps -> {
                java.time.Instant now = java.time.Instant.now();
                ps.setString(1, status.dbValue());
                flavor.setTime(ps, 2, now);
                ps.setString(3, reason);
                flavor.setTime(ps, 4, now);
                ps.setLong(5, runId);
                return ps.executeUpdate();
            });
        }

        /** Marks the search completed with its best run, metric and config. */
        public void finishSearch(String searchId, double metric, long runId, String bestConfig) {
            statement("UPDATE ato_searches SET status = 'completed', best_run_id = ?, best_metric = ?,"
                    + " best_config = ?, updated_ms = ? WHERE id = ?", ps -> {
                ps.setLong(1, runId);
                flavor.setMetricValue(ps, 2, metric);
                ps.setString(3, bestConfig);
                ps.setLong(4, System.currentTimeMillis());
                ps.setString(5, searchId);
                return ps.executeUpdate();
            });
        }
    }
}
