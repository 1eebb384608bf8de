-- schema version 6 (PostgreSQL): full-text search of the documents' titles and texts, for `recoupe serve` (`q`). A
-- GIN index over the 'simple' text search configuration (no stemming: the documents are in several languages).
-- (No semicolon in comments: statements are split on it.)
CREATE INDEX documents_search ON documents USING GIN (to_tsvector('simple', COALESCE(title, '') || ' ' || content))
