-- HyperBand searches (dev.ato.hyperopt): one row per search, one row per trial evaluation. Times are epoch
-- milliseconds. Workers claim trials with SELECT ... FOR UPDATE SKIP LOCKED (MariaDB 10.6+).
CREATE TABLE ato_searches (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    project VARCHAR(255) NOT NULL,
    space LONGTEXT NOT NULL,
    settings LONGTEXT NOT NULL,
    base_config LONGTEXT NOT NULL,
    status VARCHAR(32) NOT NULL,
    generation INTEGER NOT NULL,
    best_run_id BIGINT,
    best_metric DOUBLE,
    best_config LONGTEXT,
    error LONGTEXT,
    created_ms BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ix_ato_searches_project ON ato_searches (project);
CREATE TABLE ato_search_trials (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    search_id VARCHAR(64) NOT NULL,
    generation INTEGER NOT NULL,
    position INTEGER NOT NULL,
    final INTEGER NOT NULL DEFAULT 0,
    candidate LONGTEXT NOT NULL,
    status VARCHAR(32) NOT NULL,
    worker VARCHAR(255),
    lease_until BIGINT,
    attempts INTEGER NOT NULL DEFAULT 0,
    metric DOUBLE,
    run_id BIGINT,
    error LONGTEXT,
    promoted INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT fk_ato_search_trials_search FOREIGN KEY (search_id) REFERENCES ato_searches (id),
    CONSTRAINT uq_ato_search_trials UNIQUE (search_id, generation, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ix_ato_search_trials_claim ON ato_search_trials (search_id, status, generation, position);
