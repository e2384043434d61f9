-- GIN opclasses for plain columns (here integer), so one GIN index can hold the month a
-- search document was published and its trigrams (0043, docs/adr/0034). A contrib module
-- shipped beside pg_trgm; PGlite loads it in client.ts.
CREATE EXTENSION IF NOT EXISTS btree_gin;
