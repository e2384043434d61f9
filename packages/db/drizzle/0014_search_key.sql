-- search_key(text): the SQL twin of thaiSearchKey() in packages/domain/src/thai-text.ts,
-- so indexed text, titles and queries are folded alike (a test compares the two).
-- Drops control and zero-width characters, maps the legacy private-use glyphs of Thai
-- fonts (U+F700–U+F71A) to the standard marks, joins nikhahit + sara aa into sara am,
-- removes line breaks inside Thai runs, folds Thai digits to Arabic, collapses spaces,
-- lower-cases. Immutable, so the generated title_key column can use it.
CREATE FUNCTION search_key(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $fn$
  select lower(btrim(regexp_replace(
    translate(
      regexp_replace(
        regexp_replace(
          normalize(
            translate(
              regexp_replace(t, '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u00AD\u200B-\u200D\u2060\uFEFF\uFFFD]', '', 'g'),
              U&'\F700\F701\F702\F703\F704\F705\F706\F707\F708\F709\F70A\F70B\F70C\F70D\F70E\F70F\F710\F711\F712\F713\F714\F715\F716\F717\F718\F719\F71A',
              U&'\0E10\0E34\0E35\0E36\0E37\0E48\0E49\0E4A\0E4B\0E4C\0E48\0E49\0E4A\0E4B\0E4C\0E0D\0E31\0E4D\0E47\0E48\0E49\0E4A\0E4B\0E4C\0E38\0E39\0E3A'),
            NFC),
          U&'\0E4D([\0E48-\0E4B]?)\0E32', U&'\\1\0E33', 'g'),
        U&'([\0E01-\0E5B])[[:blank:]]*[\\r\\n][[:space:]]*(?=[\0E01-\0E5B])', '\1', 'g'),
      U&'\0E50\0E51\0E52\0E53\0E54\0E55\0E56\0E57\0E58\0E59', '0123456789'),
    '[[:space:]]+', ' ', 'g')))
$fn$;
--> statement-breakpoint
-- Rows indexed before the function existed: fold what they have (their line breaks are
-- already gone; re-indexing an entry restores the rest).
UPDATE search_documents SET search_text = search_key(search_text);
