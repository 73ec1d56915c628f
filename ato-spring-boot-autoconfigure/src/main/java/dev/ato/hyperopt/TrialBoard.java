package dev.ato.hyperopt;

import dev.ato.AtoException;
import dev.ato.adict.ADict;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The coordinator-free protocol over {@code ato_searches} and {@code ato_search_trials}: trials are rows, a worker
 * claims one with a lease ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL; on SQLite the claim is one statement under
 * the database's single write lock), and the worker that finishes the last trial of a generation forms the next one
 * in the same transaction, under a lock on the search row, so it happens exactly once.
 */
final class TrialBoard {

    private static final String SEARCH_COLUMNS = "id, project, space, settings, base_config, status, generation,"
            + " best_run_id, best_metric, best_config, error, created_ms, updated_ms";
    private static final String TRIAL_COLUMNS =
            "id, generation, position, final, candidate, status, metric, run_id, error, promoted";

    private final DataSource dataSource;
    private final boolean postgres;

    TrialBoard(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new AtoException("cannot reach the search database: " + e.getMessage(), e);
        }
    }

    /** The database clock in epoch milliseconds, so leases agree across machines. */
    private String now() {
        return postgres ? "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"
                : "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)";
    }

    // ------------------------------------------------------------------ searches

    void create(String id, String project, SearchDefinition definition, ADict base, List<ADict> candidates) {
        inTransaction("create search " + id, c -> {
            long now = System.currentTimeMillis();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ato_searches (" + SEARCH_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, 'running', 0, NULL, NULL, NULL, NULL, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, project);
                ps.setString(3, ConfigJson.write(definition.hyperBand().space().spec()));
                ps.setString(4, ConfigJson.write(definition.settings()));
                ps.setString(5, ConfigJson.write(base));
                ps.setLong(6, now);
                ps.setLong(7, now);
                ps.executeUpdate();
            }
            insertTrials(c, id, 0, candidates, false);
            return null;
        });
    }

    Optional<SearchRecord> find(String id) {
        return inConnection("read search " + id, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT " + SEARCH_COLUMNS + " FROM ato_searches WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(search(rs)) : Optional.empty();
                }
            }
        });
    }

    List<SearchRecord> list(String project) {
        return inConnection("list searches of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SEARCH_COLUMNS
                    + " FROM ato_searches WHERE project = ? ORDER BY created_ms, id")) {
                ps.setString(1, project);
                List<SearchRecord> searches = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        searches.add(search(rs));
                    }
                }
                return searches;
            }
        });
    }

    ADict base(String id) {
        return inConnection("read search " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT base_config FROM ato_searches WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return ConfigJson.read(rs.getString(1));
                }
            }
        });
    }

    List<TrialRow> trials(String searchId) {
        return inConnection("read trials of " + searchId, c -> trials(c, searchId, null));
    }

    // ------------------------------------------------------------------ claiming

    /** Claims the next trial: a pending one, or one whose lease expired; highest generation first. */
    Optional<TrialRow> claim(String searchId, String worker, long leaseMillis) {
        String pick = "SELECT t.id FROM ato_search_trials t WHERE t.search_id = ? AND (t.status = 'pending'"
                + " OR (t.status = 'running' AND t.lease_until < " + now() + "))"
                + " AND EXISTS (SELECT 1 FROM ato_searches s WHERE s.id = t.search_id AND s.status = 'running')"
                + " ORDER BY t.generation DESC, t.position LIMIT 1" + (postgres ? " FOR UPDATE SKIP LOCKED" : "");
        String claim = "UPDATE ato_search_trials SET status = 'running', worker = ?, lease_until = " + now()
                + " + ?, attempts = attempts + 1 WHERE id = (" + pick + ") RETURNING " + TRIAL_COLUMNS;
        return inTransaction("claim a trial of " + searchId, c -> {
            try (PreparedStatement ps = c.prepareStatement(claim)) {
                ps.setString(1, worker);
                ps.setLong(2, leaseMillis);
                ps.setString(3, searchId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(trial(rs)) : Optional.<TrialRow>empty();
                }
            }
        });
    }

    /** Extends the lease of a trial this worker still holds; false when it lost it. */
    boolean extend(long trialId, String worker, long leaseMillis) {
        return inConnection("extend the lease of trial " + trialId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ato_search_trials SET lease_until = " + now()
                    + " + ? WHERE id = ? AND worker = ? AND status = 'running'")) {
                ps.setLong(1, leaseMillis);
                ps.setLong(2, trialId);
                ps.setString(3, worker);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Marks the search failed (stop on first failure), so no worker claims another of its trials. */
    void fail(String searchId, String error) {
        inConnection("fail search " + searchId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ato_searches SET status = 'failed', error = ?,"
                    + " updated_ms = ? WHERE id = ? AND status = 'running'")) {
                ps.setString(1, error);
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, searchId);
                return ps.executeUpdate();
            }
        });
    }

    // ------------------------------------------------------------------ completing

    /**
     * Records a finished trial and, in the same transaction, moves the search on: the next generation (or ASHA
     * promotions), the final re-evaluation, or completion. Returns false when this worker no longer held the trial
     * (its lease expired and another worker took it over); then nothing is recorded.
     */
    boolean complete(String searchId, TrialRow trial, String worker, double metric, long runId, String error,
            SearchDefinition definition) {
        return inTransaction("record trial " + trial.id() + " of " + searchId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ato_search_trials SET status = ?, metric = ?,"
                    + " run_id = ?, error = ?, lease_until = NULL"
                    + " WHERE id = ? AND worker = ? AND status = 'running'")) {
                ps.setString(1, error == null ? TrialRow.DONE : TrialRow.FAILED);
                if (Double.isNaN(metric)) {
                    ps.setNull(2, Types.DOUBLE);
                } else {
                    ps.setDouble(2, metric);
                }
                ps.setLong(3, runId);
                ps.setString(4, error);
                ps.setLong(5, trial.id());
                ps.setString(6, worker);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            int generation = lockSearch(c, searchId);
            if (trial.isFinal()) {
                finish(c, searchId, metric, runId);
            } else if (definition.schedule() == Schedule.SYNCHRONOUS) {
                advanceGeneration(c, searchId, generation, trial.generation(), definition);
            } else {
                promote(c, searchId, trial.generation(), definition);
            }
            return true;
        });
    }

    /** Locks the search row until the transaction ends (SQLite's write lock already serialises writers). */
    private int lockSearch(Connection c, String searchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT generation FROM ato_searches WHERE id = ?"
                + (postgres ? " FOR UPDATE" : ""))) {
            ps.setString(1, searchId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void advanceGeneration(Connection c, String searchId, int current, int generation,
            SearchDefinition definition) throws SQLException {
        if (current != generation || countOpen(c, searchId) > 0) {
            return;
        }
        Halving halving = definition.hyperBand().halving();
        List<ADict> ranked = halving.rank(trials(c, searchId, generation), TrialRow::metric).stream()
                .map(TrialRow::candidate).toList();
        Halving.Next next = halving.next(ranked);
        setGeneration(c, searchId, generation + 1);
        insertTrials(c, searchId, generation + 1, next.candidates(), next.isFinal());
    }

    /**
     * ASHA: every config in the top {@code halvingRate} of the finished results at its rung moves up one rung, up to
     * the last generation the synchronous schedule would reach. With nothing left to run, the best config of the
     * highest rung is re-evaluated once.
     */
    private void promote(Connection c, String searchId, int rung, SearchDefinition definition) throws SQLException {
        HyperBand hyperBand = definition.hyperBand();
        Halving halving = hyperBand.halving();
        if (halving.hasRungAbove(rung, hyperBand.space().size())) {
            List<TrialRow> finished = trials(c, searchId, rung).stream().filter(TrialRow::finished).toList();
            int position = trials(c, searchId, rung + 1).size();
            for (TrialRow t : halving.promotions(halving.rank(finished, TrialRow::metric), TrialRow::promoted)) {
                insertTrial(c, searchId, rung + 1, position++, Halving.promoted(t.candidate()), false);
                markPromoted(c, t.id());
                raiseGeneration(c, searchId, rung + 1);
            }
        }
        if (countOpen(c, searchId) == 0) {
            List<TrialRow> all = trials(c, searchId, null);
            int top = all.stream().mapToInt(TrialRow::generation).max().orElseThrow();
            List<ADict> best = halving.rank(all.stream().filter(t -> t.generation() == top).toList(),
                    TrialRow::metric).stream().map(TrialRow::candidate).toList();
            setGeneration(c, searchId, top + 1);
            insertTrials(c, searchId, top + 1, List.of(halving.finalCandidate(best)), true);
        }
    }

    private void finish(Connection c, String searchId, double metric, long runId) throws SQLException {
        TrialRow last = trials(c, searchId, null).stream().filter(TrialRow::isFinal).findFirst().orElseThrow();
        ADict config = base(c, searchId).merge(last.candidate());
        config.put(Trials.METRIC, metric);
        try (PreparedStatement ps = c.prepareStatement("UPDATE ato_searches SET status = 'completed', best_run_id = ?,"
                + " best_metric = ?, best_config = ?, updated_ms = ? WHERE id = ?")) {
            ps.setLong(1, runId);
            if (Double.isNaN(metric)) {
                ps.setNull(2, Types.DOUBLE);
            } else {
                ps.setDouble(2, metric);
            }
            ps.setString(3, ConfigJson.write(config));
            ps.setLong(4, System.currentTimeMillis());
            ps.setString(5, searchId);
            ps.executeUpdate();
        }
    }

    private ADict base(Connection c, String searchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT base_config FROM ato_searches WHERE id = ?")) {
            ps.setString(1, searchId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return ConfigJson.read(rs.getString(1));
            }
        }
    }

    private int countOpen(Connection c, String searchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ato_search_trials WHERE search_id = ?"
                + " AND status IN ('pending', 'running')")) {
            ps.setString(1, searchId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void setGeneration(Connection c, String searchId, int generation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE ato_searches SET generation = ?, updated_ms = ? WHERE id = ?")) {
            ps.setInt(1, generation);
            ps.setLong(2, System.currentTimeMillis());
            ps.setString(3, searchId);
            ps.executeUpdate();
        }
    }

    private void raiseGeneration(Connection c, String searchId, int generation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE ato_searches SET generation = ?, updated_ms = ? WHERE id = ? AND generation < ?")) {
            ps.setInt(1, generation);
            ps.setLong(2, System.currentTimeMillis());
            ps.setString(3, searchId);
            ps.setInt(4, generation);
            ps.executeUpdate();
        }
    }

    private void markPromoted(Connection c, long trialId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ato_search_trials SET promoted = 1 WHERE id = ?")) {
            ps.setLong(1, trialId);
            ps.executeUpdate();
        }
    }

    private void insertTrials(Connection c, String searchId, int generation, List<ADict> candidates, boolean isFinal)
            throws SQLException {
        try (PreparedStatement ps = insertStatement(c)) {
            for (int i = 0; i < candidates.size(); i++) {
                bindTrial(ps, searchId, generation, i, candidates.get(i), isFinal);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertTrial(Connection c, String searchId, int generation, int position, ADict candidate,
            boolean isFinal) throws SQLException {
        try (PreparedStatement ps = insertStatement(c)) {
            bindTrial(ps, searchId, generation, position, candidate, isFinal);
            ps.executeUpdate();
        }
    }

    private static PreparedStatement insertStatement(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO ato_search_trials (search_id, generation, position, final, candidate,"
                + " status) VALUES (?, ?, ?, ?, ?, 'pending')");
    }

    private static void bindTrial(PreparedStatement ps, String searchId, int generation, int position, ADict candidate,
            boolean isFinal) throws SQLException {
        ps.setString(1, searchId);
        ps.setInt(2, generation);
        ps.setInt(3, position);
        ps.setInt(4, isFinal ? 1 : 0);
        ps.setString(5, ConfigJson.write(candidate));
    }

    private List<TrialRow> trials(Connection c, String searchId, Integer generation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TRIAL_COLUMNS + " FROM ato_search_trials"
                + " WHERE search_id = ?" + (generation == null ? "" : " AND generation = ?")
                + " ORDER BY generation, position")) {
            ps.setString(1, searchId);
            if (generation != null) {
                ps.setInt(2, generation);
            }
            List<TrialRow> trials = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    trials.add(trial(rs));
                }
            }
            return trials;
        }
    }

    private static TrialRow trial(ResultSet rs) throws SQLException {
        double metric = rs.getDouble("metric");
        if (rs.wasNull()) {
            metric = Double.NaN;
        }
        long runId = rs.getLong("run_id");
        Long run = rs.wasNull() ? null : runId;
        return new TrialRow(rs.getLong("id"), rs.getInt("generation"), rs.getInt("position"), rs.getInt("final") == 1,
                ConfigJson.read(rs.getString("candidate")), rs.getString("status"), metric, run, rs.getString("error"),
                rs.getInt("promoted") == 1);
    }

    private static SearchRecord search(ResultSet rs) throws SQLException {
        long bestRun = rs.getLong("best_run_id");
        Long bestRunId = rs.wasNull() ? null : bestRun;
        double bestMetric = rs.getDouble("best_metric");
        Double best = rs.wasNull() ? null : bestMetric;
        return new SearchRecord(rs.getString("id"), rs.getString("project"), ConfigJson.read(rs.getString("space")),
                ConfigJson.read(rs.getString("settings")), rs.getString("status"), rs.getInt("generation"), bestRunId,
                best, ConfigJson.read(rs.getString("best_config")), rs.getString("error"),
                Instant.ofEpochMilli(rs.getLong("created_ms")), Instant.ofEpochMilli(rs.getLong("updated_ms")));
    }

    // ------------------------------------------------------------------ plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inConnection(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new AtoException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one transaction, retried a few times on a lock conflict (SQLite's BUSY when a deferred
     * transaction meets another writer, PostgreSQL's serialization failure or deadlock).
     */
    private <T> T inTransaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(what, work);
            } catch (AtoException e) {
                if (attempt == 5 || !(e.getCause() instanceof SQLException sql) || !isLockConflict(sql)) {
                    throw e;
                }
                try {
                    Thread.sleep(10L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean isLockConflict(SQLException e) {
        String state = e.getSQLState();
        String message = String.valueOf(e.getMessage());
        return "40001".equals(state) || "40P01".equals(state) || message.contains("SQLITE_BUSY")
                || message.contains("SQLITE_LOCKED");
    }

    private <T> T once(String what, Work<T> work) {
        return inConnection(what, c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        });
    }
}
