-- hirekit schema v1 (SQLite). Timestamps are Unix seconds (UTC); lists are JSON text.
-- Personal and organisation-owned data carry org_id; aggregated public postings have org_id NULL.

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);
INSERT INTO organisations (id, slug, name, created_at) VALUES (1, 'default', 'Default organisation', 0);

-- Monotonic counters: posting ids and the change sequence (allocated under the write lock,
-- so change_seq order is commit order; search nodes follow it).
CREATE TABLE counters (
    name   TEXT PRIMARY KEY,
    value  INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('posting_id', 0), ('change_seq', 0), ('ingest_run', 0);

CREATE TABLE sources (
    id                    INTEGER PRIMARY KEY,
    org_id                INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
    name                  TEXT NOT NULL,
    kind                  TEXT,
    location              TEXT NOT NULL UNIQUE,
    registered            INTEGER NOT NULL DEFAULT 0,
    interval_secs         INTEGER NOT NULL DEFAULT 3600,
    etag                  TEXT,
    last_modified         TEXT,
    last_polled_at        INTEGER,
    last_ok_at            INTEGER,
    last_status           TEXT,
    last_error            TEXT,
    consecutive_failures  INTEGER NOT NULL DEFAULT 0,
    created_at            INTEGER NOT NULL
);

CREATE TABLE postings (
    id               INTEGER PRIMARY KEY,
    org_id           INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
    fingerprint      TEXT NOT NULL,
    title            TEXT NOT NULL,
    company          TEXT,
    role_family      TEXT NOT NULL,
    seniority        TEXT,
    track            TEXT NOT NULL,
    remote           TEXT,
    countries        TEXT NOT NULL,
    regions          TEXT NOT NULL,
    locations        TEXT NOT NULL,
    employment_type  TEXT,
    salary_min       REAL,
    salary_max       REAL,
    salary_currency  TEXT,
    salary_period    TEXT,
    salary_text      TEXT,
    skills           TEXT NOT NULL,
    description      TEXT NOT NULL,
    url              TEXT,
    apply_url        TEXT,
    department       TEXT,
    posted_at        INTEGER,
    valid_through    INTEGER,
    first_seen       INTEGER NOT NULL,
    last_seen        INTEGER NOT NULL,
    closed_at        INTEGER,
    updated_at       INTEGER NOT NULL,
    change_seq       INTEGER NOT NULL,
    -- rank of the source that set the fields: employer ATS boards (2) > career pages (1) > aggregators (0)
    source_rank      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX postings_open_fingerprint ON postings (fingerprint) WHERE closed_at IS NULL;
CREATE INDEX postings_change_seq ON postings (change_seq);

-- One row per (source, item): the raw item as the source gave it, and why it joined its posting.
CREATE TABLE posting_sources (
    id            INTEGER PRIMARY KEY,
    posting_id    INTEGER NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
    source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    external_id   TEXT NOT NULL,
    url           TEXT,
    apply_url     TEXT,
    content_hash  TEXT NOT NULL,
    raw           TEXT NOT NULL,
    merge_reason  TEXT,
    first_seen    INTEGER NOT NULL,
    last_seen     INTEGER NOT NULL,
    last_run      INTEGER NOT NULL,
    closed_at     INTEGER,
    UNIQUE (source_id, external_id)
);
CREATE INDEX posting_sources_posting ON posting_sources (posting_id);
CREATE INDEX posting_sources_open_url ON posting_sources (url) WHERE closed_at IS NULL;

CREATE TABLE ingest_runs (
    id           INTEGER PRIMARY KEY,
    started_at   INTEGER NOT NULL,
    finished_at  INTEGER,
    summary      TEXT
);
