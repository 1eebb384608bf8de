-- schema version 2: the entities a story's documents name, for assigning new documents
ALTER TABLE stories ADD COLUMN entity_keys TEXT NOT NULL DEFAULT '[]'
