-- Ato's additions: nullable columns and indexes only, so Python ato keeps writing and reading the file.
ALTER TABLE experiments ADD COLUMN heartbeat_at DATETIME;
ALTER TABLE experiments ADD COLUMN end_reason TEXT;
ALTER TABLE artifacts ADD COLUMN size_bytes INTEGER;
ALTER TABLE artifacts ADD COLUMN sha256 VARCHAR(64);
-- findBestRun and "order by a metric" read one key's values in order, per project or per run.
CREATE INDEX ix_metrics_key_value ON metrics ("key", value);
CREATE INDEX ix_metrics_run_id_key_step ON metrics (run_id, "key", step);
