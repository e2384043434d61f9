-- Public pages are kept rendered in each portal process (docs/adr/0018-rendered-page-cache.md): the database
-- itself says when something they show has changed. One notification per changed agency
-- and statement, delivered to every listening process when the transaction commits
-- (identical ones are folded into one). Payloads: '*' (reference data, or too many
-- agencies at once), 'agency <slug> <province-slug>'. The table list is
-- PUBLIC_TABLES in packages/db/src/public-changes.ts; a test keeps the two equal.
CREATE OR REPLACE FUNCTION ita_public_change_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  how text := TG_ARGV[0];
  ids uuid[];
  changed int;
BEGIN
  IF how = 'everything' THEN
    PERFORM pg_notify('ita_public_change', '*');
    RETURN NULL;
  END IF;
  -- The agency (or entry) ids this statement touched, before and after.
  IF how = 'agency' THEN
    how := 'id';
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT v) INTO ids FROM (
      SELECT (to_jsonb(r) ->> how)::uuid AS v FROM new_rows r) s WHERE v IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT v) INTO ids FROM (
      SELECT (to_jsonb(r) ->> how)::uuid AS v FROM old_rows r) s WHERE v IS NOT NULL;
  ELSE
    SELECT array_agg(DISTINCT v) INTO ids FROM (
      SELECT (to_jsonb(r) ->> how)::uuid AS v FROM new_rows r
      UNION SELECT (to_jsonb(r) ->> how)::uuid FROM old_rows r) s WHERE v IS NOT NULL;
  END IF;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  IF how = 'entry_id' THEN
    SELECT array_agg(DISTINCT e.agency_id) INTO ids FROM disclosure_entries e WHERE e.id = ANY (ids);
    IF ids IS NULL THEN
      RETURN NULL;
    END IF;
  END IF;
  -- A bulk load (the benchmark's national dataset) forgets everything once.
  IF cardinality(ids) > 100 THEN
    PERFORM pg_notify('ita_public_change', '*');
    RETURN NULL;
  END IF;
  -- An agency renamed (new slug) or deleted: its old pages must go as well.
  IF TG_TABLE_NAME = 'agencies' AND TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('ita_public_change', 'agency ' || o.slug || ' ' || p.slug)
      FROM old_rows o JOIN provinces p ON p.id = o.province_id;
  END IF;
  PERFORM pg_notify('ita_public_change', 'agency ' || a.slug || ' ' || p.slug)
    FROM agencies a JOIN provinces p ON p.id = a.province_id
    WHERE a.id = ANY (ids);
  GET DIAGNOSTICS changed = ROW_COUNT;
  -- An id that no longer leads to an agency: say the widest thing rather than nothing.
  IF changed < cardinality(ids) AND NOT (TG_TABLE_NAME = 'agencies' AND TG_OP = 'DELETE') THEN
    PERFORM pg_notify('ita_public_change', '*');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER agencies_public_change_insert AFTER INSERT ON agencies REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency');
--> statement-breakpoint
CREATE TRIGGER agencies_public_change_update AFTER UPDATE ON agencies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency');
--> statement-breakpoint
CREATE TRIGGER agencies_public_change_delete AFTER DELETE ON agencies REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency');
--> statement-breakpoint
CREATE TRIGGER agency_executives_public_change_insert AFTER INSERT ON agency_executives REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER agency_executives_public_change_update AFTER UPDATE ON agency_executives REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER agency_executives_public_change_delete AFTER DELETE ON agency_executives REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER disclosure_entries_public_change_insert AFTER INSERT ON disclosure_entries REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER disclosure_entries_public_change_update AFTER UPDATE ON disclosure_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER disclosure_entries_public_change_delete AFTER DELETE ON disclosure_entries REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER disclosure_versions_public_change_insert AFTER INSERT ON disclosure_versions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('entry_id');
--> statement-breakpoint
CREATE TRIGGER disclosure_versions_public_change_update AFTER UPDATE ON disclosure_versions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('entry_id');
--> statement-breakpoint
CREATE TRIGGER disclosure_versions_public_change_delete AFTER DELETE ON disclosure_versions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('entry_id');
--> statement-breakpoint
CREATE TRIGGER attachments_public_change_insert AFTER INSERT ON attachments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('entry_id');
--> statement-breakpoint
CREATE TRIGGER attachments_public_change_update AFTER UPDATE ON attachments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('entry_id');
--> statement-breakpoint
CREATE TRIGGER attachments_public_change_delete AFTER DELETE ON attachments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('entry_id');
--> statement-breakpoint
CREATE TRIGGER search_documents_public_change_insert AFTER INSERT ON search_documents REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER search_documents_public_change_update AFTER UPDATE ON search_documents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER search_documents_public_change_delete AFTER DELETE ON search_documents REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER ita_results_public_change_insert AFTER INSERT ON ita_results REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER ita_results_public_change_update AFTER UPDATE ON ita_results REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER ita_results_public_change_delete AFTER DELETE ON ita_results REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER complaints_public_change_insert AFTER INSERT ON complaints REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER complaints_public_change_update AFTER UPDATE ON complaints REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER complaints_public_change_delete AFTER DELETE ON complaints REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER complaint_counters_public_change_insert AFTER INSERT ON complaint_counters REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER complaint_counters_public_change_update AFTER UPDATE ON complaint_counters REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER complaint_counters_public_change_delete AFTER DELETE ON complaint_counters REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('agency_id');
--> statement-breakpoint
CREATE TRIGGER frameworks_public_change_insert AFTER INSERT ON frameworks
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
--> statement-breakpoint
CREATE TRIGGER frameworks_public_change_update AFTER UPDATE ON frameworks
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
--> statement-breakpoint
CREATE TRIGGER frameworks_public_change_delete AFTER DELETE ON frameworks
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
--> statement-breakpoint
CREATE TRIGGER frameworks_public_change_truncate AFTER TRUNCATE ON frameworks
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
--> statement-breakpoint
CREATE TRIGGER framework_items_public_change_insert AFTER INSERT ON framework_items
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
--> statement-breakpoint
CREATE TRIGGER framework_items_public_change_update AFTER UPDATE ON framework_items
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
--> statement-breakpoint
CREATE TRIGGER framework_items_public_change_delete AFTER DELETE ON framework_items
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
--> statement-breakpoint
CREATE TRIGGER framework_items_public_change_truncate AFTER TRUNCATE ON framework_items
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
--> statement-breakpoint
CREATE TRIGGER provinces_public_change_insert AFTER INSERT ON provinces
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
--> statement-breakpoint
CREATE TRIGGER provinces_public_change_update AFTER UPDATE ON provinces
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
--> statement-breakpoint
CREATE TRIGGER provinces_public_change_delete AFTER DELETE ON provinces
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
--> statement-breakpoint
CREATE TRIGGER provinces_public_change_truncate AFTER TRUNCATE ON provinces
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
--> statement-breakpoint
CREATE TRIGGER districts_public_change_insert AFTER INSERT ON districts
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
--> statement-breakpoint
CREATE TRIGGER districts_public_change_update AFTER UPDATE ON districts
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
--> statement-breakpoint
CREATE TRIGGER districts_public_change_delete AFTER DELETE ON districts
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
--> statement-breakpoint
CREATE TRIGGER districts_public_change_truncate AFTER TRUNCATE ON districts
  FOR EACH STATEMENT EXECUTE FUNCTION ita_public_change_notify('everything');
