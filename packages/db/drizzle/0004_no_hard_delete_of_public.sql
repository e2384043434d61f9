-- Nothing that was public is ever hard-deleted: versions are history, and an entry
-- that has been published can only be withdrawn (withdrawn_at), never removed.
CREATE OR REPLACE FUNCTION refuse_delete_of_public_disclosure() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'disclosure_entries' AND OLD.published_at IS NULL THEN
    RETURN OLD;
  END IF;
  IF TG_TABLE_NAME = 'disclosure_versions' AND NOT EXISTS (
    SELECT 1 FROM disclosure_entries e WHERE e.id = OLD.entry_id AND e.published_at IS NOT NULL
  ) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% of published disclosures is not allowed: withdraw instead', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER disclosure_entries_no_delete BEFORE DELETE ON disclosure_entries
  FOR EACH ROW EXECUTE FUNCTION refuse_delete_of_public_disclosure();--> statement-breakpoint
CREATE TRIGGER disclosure_versions_no_delete BEFORE DELETE ON disclosure_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_delete_of_public_disclosure();
