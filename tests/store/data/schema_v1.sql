-- The first Circles schema (revision 0001) as SQLite has it, frozen on purpose: never regenerate.
-- Made by running store/migrations/versions/0001_first_schema.py on an empty SQLite file and dumping
-- it with sqlite3's iterdump(). tests/store/test_migrations.py checks that a database made from this
-- still opens and is upgraded by every later Circles.
BEGIN TRANSACTION;
CREATE TABLE cases (
	id VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	reference VARCHAR NOT NULL, 
	team VARCHAR NOT NULL, 
	info JSON NOT NULL, 
	last_seq INTEGER NOT NULL, 
	version INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	created_by VARCHAR NOT NULL, 
	updated_at DATETIME NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	CONSTRAINT pk_cases PRIMARY KEY (id)
);
CREATE TABLE circles_schema (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT circles_schema_pkc PRIMARY KEY (version_num)
);
INSERT INTO "circles_schema" VALUES('0001');
CREATE TABLE edit_log (
	case_id VARCHAR NOT NULL, 
	seq INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	"by" VARCHAR NOT NULL, 
	label VARCHAR NOT NULL, 
	changes JSON NOT NULL, 
	CONSTRAINT pk_edit_log PRIMARY KEY (case_id, seq), 
	CONSTRAINT fk_edit_log_case_id_cases FOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE
);
CREATE TABLE nodes (
	ordinal INTEGER NOT NULL, 
	case_id VARCHAR NOT NULL, 
	id VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	label VARCHAR NOT NULL, 
	search_key VARCHAR NOT NULL, 
	data JSON NOT NULL, 
	version INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	created_by VARCHAR NOT NULL, 
	updated_at DATETIME NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	CONSTRAINT pk_nodes PRIMARY KEY (ordinal), 
	CONSTRAINT fk_nodes_case_id_cases FOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE, 
	CONSTRAINT uq_nodes_case_id_id UNIQUE (case_id, id)
);
CREATE TABLE relationships (
	ordinal INTEGER NOT NULL, 
	case_id VARCHAR NOT NULL, 
	id VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	source_id VARCHAR NOT NULL, 
	target_id VARCHAR NOT NULL, 
	data JSON NOT NULL, 
	version INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	created_by VARCHAR NOT NULL, 
	updated_at DATETIME NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	CONSTRAINT pk_relationships PRIMARY KEY (ordinal), 
	CONSTRAINT fk_relationships_case_id_cases FOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE, 
	CONSTRAINT fk_relationships_case_id_source_id_nodes FOREIGN KEY(case_id, source_id) REFERENCES nodes (case_id, id), 
	CONSTRAINT fk_relationships_case_id_target_id_nodes FOREIGN KEY(case_id, target_id) REFERENCES nodes (case_id, id), 
	CONSTRAINT uq_relationships_case_id_id UNIQUE (case_id, id)
);
CREATE INDEX ix_cases_team ON cases (team);
CREATE INDEX ix_nodes_case_id_kind ON nodes (case_id, kind);
CREATE INDEX ix_relationships_case_id_source_id ON relationships (case_id, source_id);
CREATE INDEX ix_relationships_case_id_target_id ON relationships (case_id, target_id);
COMMIT;
