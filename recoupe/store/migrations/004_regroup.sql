-- schema version 4: what regrouping a neighbourhood of stories reads (recoupe/regroup.py).
-- document_features keeps each document's embedding, word counts, entity keys and day, so that
-- documents can be compared again as the corpus grows. Documents stored before version 4 have none
-- and their stories are never regrouped. A story whose documents all moved to other stories is
-- retired: merged_into names the story that took most of them, and it is no longer listed.
CREATE TABLE document_features (
    document_id TEXT PRIMARY KEY REFERENCES documents (id),
    day TEXT NOT NULL,
    vector BLOB NOT NULL,
    words TEXT NOT NULL,
    entity_keys TEXT NOT NULL
);
ALTER TABLE stories ADD COLUMN merged_into TEXT
