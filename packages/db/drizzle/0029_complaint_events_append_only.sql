-- A complaint's timeline (state changes, messages, notes, identity reveals) is appended
-- to and read, like the audit log. The one change ever allowed is retention erasing a
-- sealed body (purge-closed-complaints.ts): the application role may update `body`
-- alone, and only to NULL; the row, its kind, author and times stay for the record.
REVOKE UPDATE, DELETE, TRUNCATE ON complaint_events FROM ita_app;--> statement-breakpoint
GRANT UPDATE (body) ON complaint_events TO ita_app;--> statement-breakpoint
CREATE OR REPLACE FUNCTION complaint_events_only_erase_body() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'complaint_events is append-only'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.body IS NOT NULL
    OR (to_jsonb(NEW) - 'body') IS DISTINCT FROM (to_jsonb(OLD) - 'body') THEN
    RAISE EXCEPTION 'complaint_events is append-only: only retention may erase a body'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER complaint_events_append_only BEFORE UPDATE OR DELETE ON complaint_events
  FOR EACH ROW EXECUTE FUNCTION complaint_events_only_erase_body();
