-- Ato's additions: nullable columns and indexes only, as on SQLite and PostgreSQL.
ALTER TABLE experiments ADD COLUMN heartbeat_at DATETIME(6);
ALTER TABLE experiments ADD COLUMN end_reason TEXT;
ALTER TABLE artifacts ADD COLUMN size_bytes BIGINT;
ALTER TABLE artifacts ADD COLUMN sha256 VARCHAR(64);
CREATE INDEX ix_metrics_key_value ON metrics (`key`, value);
CREATE INDEX ix_metrics_run_id_key_step ON metrics (run_id, `key`, step);
