-- schema version 6 (SQLite): full-text search of the documents' titles and texts, for `recoupe serve` (`q`). An
-- FTS5 index over the documents table (external content: the text is not stored twice), filled with what is stored
-- and kept up by the store as each document is added (documents are never deleted, and their title and content
-- never change). Accents are folded. (No semicolon in comments: statements are split on it.)
CREATE VIRTUAL TABLE documents_fts USING fts5(title, content, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')
