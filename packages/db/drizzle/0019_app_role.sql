-- The application runs as `ita_app`, not as the owner that runs these migrations
-- (docs/adr/0009-published-content-safeguards.md): it reads and writes rows, but cannot
-- change the schema, disable a trigger, rewrite the audit log or change a file's content.
-- Roles belong to the whole server, so another database on it may have made it already.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ita_app') THEN
    CREATE ROLE ita_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- created at the same moment by a migration of another database
END
$$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO ita_app;--> statement-breakpoint
-- The job queue (pg-boss) creates and migrates a schema of its own at start; the app
-- owns that one, never ours.
DO $$
BEGIN
  EXECUTE format('GRANT CREATE ON DATABASE %I TO ita_app', current_database());
END
$$;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ita_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ita_app;--> statement-breakpoint
-- Tables and sequences of later migrations (run by the same owner) get the same rights.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ita_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ita_app;--> statement-breakpoint
-- The audit log is appended to and read, nothing else.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ita_app;--> statement-breakpoint
-- A stored file's name, type, size, hash and place never change; only the text read
-- from it (and how far reading it got) is filled in later. A new column the app must
-- update needs its own grant.
REVOKE UPDATE ON attachments FROM ita_app;--> statement-breakpoint
GRANT UPDATE (extracted_text, text_state) ON attachments TO ita_app;--> statement-breakpoint
-- An approved version (public, scheduled or public once) is history: its content is
-- never edited in place, and its files are never removed — edits make a new version.
CREATE OR REPLACE FUNCTION refuse_change_of_approved_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  version uuid;
  entry uuid;
BEGIN
  IF TG_TABLE_NAME = 'attachments' THEN
    version := OLD.version_id;
    SELECT v.entry_id INTO entry FROM disclosure_versions v WHERE v.id = version;
  ELSE
    version := OLD.id;
    entry := OLD.entry_id;
  END IF;
  -- By entry first: both are found by the entry's id, and an entry has few events.
  IF EXISTS (
    SELECT 1 FROM disclosure_entries e
    WHERE e.id = entry AND version IN (e.published_version_id, e.scheduled_version_id)
  ) OR EXISTS (
    SELECT 1 FROM entry_events ev
    WHERE ev.entry_id = entry AND ev.version_id = version AND ev.action = 'approved'
  ) THEN
    RAISE EXCEPTION '% on % of an approved version is not allowed: make a new version', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER disclosure_versions_approved_frozen BEFORE UPDATE ON disclosure_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_approved_version();--> statement-breakpoint
CREATE TRIGGER attachments_of_approved_version_kept BEFORE DELETE ON attachments
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_approved_version();
