-- HyperBand searches (dev.ato.hyperopt): one row per search, one row per trial evaluation. Ato's own tables:
-- Python ato does not read them, and they leave its tables untouched. Times are epoch milliseconds.
CREATE TABLE ato_searches (
    id VARCHAR NOT NULL PRIMARY KEY,
    project VARCHAR NOT NULL,
    space TEXT NOT NULL,
    settings TEXT NOT NULL,
    base_config TEXT NOT NULL,
    status VARCHAR NOT NULL,
    generation INTEGER NOT NULL,
    best_run_id INTEGER,
    best_metric FLOAT,
    best_config TEXT,
    error TEXT,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL
);
CREATE INDEX ix_ato_searches_project ON ato_searches (project);
CREATE TABLE ato_search_trials (
    id INTEGER NOT NULL PRIMARY KEY,
    search_id VARCHAR NOT NULL REFERENCES ato_searches (id),
    generation INTEGER NOT NULL,
    position INTEGER NOT NULL,
    final INTEGER NOT NULL DEFAULT 0,
    candidate TEXT NOT NULL,
    status VARCHAR NOT NULL,
    worker VARCHAR,
    lease_until INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    metric FLOAT,
    run_id INTEGER,
    error TEXT,
    promoted INTEGER NOT NULL DEFAULT 0,
    UNIQUE (search_id, generation, position)
);
CREATE INDEX ix_ato_search_trials_claim ON ato_search_trials (search_id, status, generation, position);
