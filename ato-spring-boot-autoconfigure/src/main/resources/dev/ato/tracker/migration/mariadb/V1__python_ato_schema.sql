-- Python ato's tables on MariaDB (10.6+; MySQL 8 untested): the same names and columns as its SQLite schema, with
-- 64-bit keys, lengths on indexed text columns, and metrics.value nullable: MariaDB's DOUBLE has no NaN, which the
-- tracker stores as NULL (and an infinity as the largest double of its sign), see dev.ato.tracker.SqlFlavor.
CREATE TABLE projects (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    description TEXT,
    created_at DATETIME(6)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE UNIQUE INDEX ix_projects_name ON projects (name);
CREATE TABLE experiments (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    project_id BIGINT NOT NULL,
    config JSON NOT NULL,
    structural_hash VARCHAR(64),
    tags JSON,
    status VARCHAR(32),
    start_time DATETIME(6),
    end_time DATETIME(6),
    CONSTRAINT fk_experiments_project FOREIGN KEY (project_id) REFERENCES projects (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ix_experiments_project_id ON experiments (project_id);
CREATE INDEX ix_experiments_status ON experiments (status);
CREATE INDEX ix_experiments_structural_hash ON experiments (structural_hash);
CREATE TABLE metrics (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    run_id BIGINT NOT NULL,
    `key` VARCHAR(255) NOT NULL,
    value DOUBLE,
    step BIGINT NOT NULL,
    timestamp DATETIME(6),
    CONSTRAINT fk_metrics_run FOREIGN KEY (run_id) REFERENCES experiments (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ix_metrics_key ON metrics (`key`);
CREATE INDEX ix_metrics_run_id ON metrics (run_id);
CREATE TABLE artifacts (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    run_id BIGINT NOT NULL,
    path VARCHAR(2048) NOT NULL,
    data_type VARCHAR(255),
    data_info JSON,
    CONSTRAINT fk_artifacts_run FOREIGN KEY (run_id) REFERENCES experiments (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ix_artifacts_run_id ON artifacts (run_id);
CREATE TABLE fingerprints (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    run_id BIGINT NOT NULL,
    trace_id VARCHAR(255) NOT NULL,
    trace_type VARCHAR(32) NOT NULL,
    fingerprint VARCHAR(128) NOT NULL,
    CONSTRAINT fk_fingerprints_run FOREIGN KEY (run_id) REFERENCES experiments (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ix_fingerprints_fingerprint ON fingerprints (fingerprint);
CREATE INDEX ix_fingerprints_run_id ON fingerprints (run_id);
CREATE INDEX ix_fingerprints_trace_id ON fingerprints (trace_id);
CREATE INDEX ix_fingerprints_trace_type ON fingerprints (trace_type);
