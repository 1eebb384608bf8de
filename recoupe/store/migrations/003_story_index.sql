-- schema version 3: what online assignment reads without scanning every story.
-- corpus_stats counts the documents assignment has seen (their embeddings summed, for centring)
-- and numbers stories, term_df holds word document frequencies, story_terms indexes each story
-- by its heaviest words with the day it was last active. Stories from before version 3 have no
-- words and are not found by the index. A story is pending while its documents differ from
-- those of its last published version (a batch stopped before publishing it).
CREATE TABLE corpus_stats (
    id INTEGER PRIMARY KEY,
    documents INTEGER NOT NULL,
    stories INTEGER NOT NULL,
    vector_sum BLOB
);
INSERT INTO corpus_stats (id, documents, stories) VALUES (1, 0, (SELECT COUNT(*) FROM stories));
CREATE TABLE term_df (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
);
ALTER TABLE stories ADD COLUMN terms TEXT NOT NULL DEFAULT '{}';
ALTER TABLE stories ADD COLUMN first_seen TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN last_seen TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
CREATE INDEX stories_pending ON stories (pending);
-- a document that repeats most of an earlier one's wording (a copy of the same wire story) names it
ALTER TABLE documents ADD COLUMN copy_of TEXT;
CREATE TABLE story_terms (
    term TEXT NOT NULL,
    story_id TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    PRIMARY KEY (term, story_id)
);
CREATE INDEX story_terms_recent ON story_terms (term, last_seen);
CREATE INDEX story_terms_story ON story_terms (story_id)
;
-- a document's annotations from the stages that depend on it alone (recoupe/store/codec.py),
-- so that publishing a story does not analyse its documents again
CREATE TABLE annotations (
    document_id TEXT PRIMARY KEY REFERENCES documents (id),
    stages TEXT NOT NULL,
    data TEXT NOT NULL,
    vectors BLOB
)
