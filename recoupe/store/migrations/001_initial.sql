-- recoupe store, schema version 1
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT,
    content_hash TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    content TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    published TEXT,
    story_id TEXT,
    superseded_by TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_url ON documents (url);
CREATE INDEX documents_story ON documents (story_id);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_published TEXT,
    centroid BLOB NOT NULL,
    documents INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_updated ON stories (updated_at);

CREATE TABLE story_versions (
    story_id TEXT NOT NULL REFERENCES stories (id),
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    documents TEXT NOT NULL,
    report TEXT NOT NULL,
    PRIMARY KEY (story_id, version)
);
