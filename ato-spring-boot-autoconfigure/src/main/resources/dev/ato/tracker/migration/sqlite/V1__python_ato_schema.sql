-- The tables exactly as Python ato's SQLLogger (SQLAlchemy) creates them, so either language can use the file.
-- A database Python ato already created is baselined at version 1 and this script is skipped.
CREATE TABLE projects (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	description TEXT, 
	created_at DATETIME, 
	PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_projects_name ON projects (name);
CREATE TABLE experiments (
	id INTEGER NOT NULL, 
	project_id INTEGER NOT NULL, 
	config JSON NOT NULL, 
	structural_hash VARCHAR(64), 
	tags JSON, 
	status VARCHAR, 
	start_time DATETIME, 
	end_time DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(project_id) REFERENCES projects (id)
);
CREATE INDEX ix_experiments_project_id ON experiments (project_id);
CREATE INDEX ix_experiments_status ON experiments (status);
CREATE INDEX ix_experiments_structural_hash ON experiments (structural_hash);
CREATE TABLE metrics (
	id INTEGER NOT NULL, 
	run_id INTEGER NOT NULL, 
	"key" VARCHAR NOT NULL, 
	value FLOAT NOT NULL, 
	step INTEGER NOT NULL, 
	timestamp DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(run_id) REFERENCES experiments (id)
);
CREATE INDEX ix_metrics_key ON metrics ("key");
CREATE INDEX ix_metrics_run_id ON metrics (run_id);
CREATE TABLE artifacts (
	id INTEGER NOT NULL, 
	run_id INTEGER NOT NULL, 
	path VARCHAR NOT NULL, 
	data_type VARCHAR, 
	data_info JSON, 
	PRIMARY KEY (id), 
	FOREIGN KEY(run_id) REFERENCES experiments (id)
);
CREATE INDEX ix_artifacts_run_id ON artifacts (run_id);
CREATE TABLE fingerprints (
	id INTEGER NOT NULL, 
	run_id INTEGER NOT NULL, 
	trace_id VARCHAR NOT NULL, 
	trace_type VARCHAR(32) NOT NULL, 
	fingerprint VARCHAR(128) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(run_id) REFERENCES experiments (id)
);
CREATE INDEX ix_fingerprints_fingerprint ON fingerprints (fingerprint);
CREATE INDEX ix_fingerprints_run_id ON fingerprints (run_id);
CREATE INDEX ix_fingerprints_trace_id ON fingerprints (trace_id);
CREATE INDEX ix_fingerprints_trace_type ON fingerprints (trace_type);
