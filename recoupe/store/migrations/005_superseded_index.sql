-- schema version 5: the documents a newer version superseded, indexed. Moving a document to another story moves the
-- versions it superseded with it (recoupe/store/features.py, MOVE), and without this index every move read every
-- stored document. Partial: most documents were never superseded. (No semicolon in comments: statements are split
-- on it.)
CREATE INDEX documents_superseded ON documents (superseded_by) WHERE superseded_by IS NOT NULL
