-- Trigram matching for Thai search (no spaces between words). Needs a UTF-8 LC_CTYPE.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
