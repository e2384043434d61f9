import type { DatabaseHandle } from "./client.ts";

/**
 * Public pages are kept rendered in each portal process (docs/adr/0018-rendered-page-cache.md). What makes that
 * honest is that the database itself says when something a public page shows has changed:
 * statement-level triggers (migration `public_change_notify`) send one notification per
 * changed agency on this channel, delivered to every listening process when — and only
 * if — the transaction commits. No use case has to remember to invalidate anything, so a
 * new way of changing a public table cannot forget to.
 */
export const PUBLIC_CHANGE_CHANNEL = "ita_public_change";

/**
 * Every table of the schema is one or the other; a test fails on a table in neither, and
 * on a public table without its triggers. How each public table finds the agency it
 * belongs to: `agency` (the row is an agency), a column holding an agency id, a column
 * holding an entry id, or `everything` (reference data every page may show).
 */
export const PUBLIC_TABLES = {
  agencies: "agency",
  agency_executives: "agency_id",
  disclosure_entries: "agency_id",
  disclosure_versions: "entry_id",
  attachments: "entry_id",
  search_documents: "agency_id",
  ita_results: "agency_id",
  complaints: "agency_id",
  complaint_counters: "agency_id",
  frameworks: "everything",
  framework_items: "everything",
  provinces: "everything",
  districts: "everything",
} as const;

/** Tables no public page shows: changing them never touches the page cache. */
export const PRIVATE_TABLES = [
  // Access counters for the agency's executives: never on a public page.
  "access_counters",
  "audit_log",
  "auth_failures",
  // Evidence files (sealed) and the filing form's drafts of them.
  "complaint_drafts",
  "complaint_events",
  "complaint_files",
  // Deadline reminders to the agency's complaint officers.
  "complaint_reminders",
  "entry_events",
  // The year's weak points, measures and progress: staff data; the public sees the
  // document published through an entry of the year's measures item (ADR 0029).
  "integrity_measure_progress",
  "integrity_measures",
  // The province's review plan, reviews and reminders: staff only.
  "item_reviews",
  "one_time_tokens",
  // Holidays only move staff deadlines (complaints, review rounds); the API keeps them
  // cached per process for a minute (ADR 0030), no public page shows them.
  "public_holidays",
  "pending_roles",
  "province_review_rounds",
  // A province's own target for passing agencies: shown in the admin only.
  "province_result_targets",
  "recovery_codes",
  "review_reminders",
  "role_assignments",
  "sessions",
  // Site-wide search counts for system administrators and coordinators: never public.
  "site_search_counters",
  "spent_filing_challenges",
  "users",
] as const;

export type PublicChange =
  | { kind: "everything" }
  | { kind: "agency"; agency: string; province: string }
  | { kind: "sync"; token: string };

/** Payloads: `*`, `agency <slug> <province-slug>` or `sync <token>` (slugs have no spaces). */
export function parsePublicChange(payload: string): PublicChange {
  const [kind, a, b] = payload.split(" ");
  if (kind === "agency" && a && b) return { kind: "agency", agency: a, province: b };
  if (kind === "sync" && a) return { kind: "sync", token: a };
  // Anything unexpected is treated as the widest change: a stale page is the worse error.
  return { kind: "everything" };
}

export interface PublicChangeListener {
  /**
   * Resolves once every change committed before the call has been delivered here, so a
   * request that changed something answers only after this process forgot the old pages.
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Listens on {@link PUBLIC_CHANGE_CHANNEL} through the handle's own driver. */
export async function listenPublicChanges(
  handle: DatabaseHandle,
  onChange: (change: PublicChange) => void,
): Promise<PublicChangeListener> {
  const waiting = new Map<string, () => void>();
  const receive = (payload: string) => {
    const change = parsePublicChange(payload);
    if (change.kind === "sync") {
      waiting.get(change.token)?.();
      waiting.delete(change.token);
      return;
    }
    onChange(change);
  };
  let notify: (payload: string) => Promise<unknown>;
  let stop: () => Promise<void>;
  if (handle.sql) {
    const sql = handle.sql;
    const { unlisten } = await sql.listen(PUBLIC_CHANGE_CHANNEL, receive);
    notify = (payload) => sql.notify(PUBLIC_CHANGE_CHANNEL, payload);
    stop = unlisten;
  } else if (handle.pglite) {
    const pglite = handle.pglite;
    const unlisten = await pglite.listen(PUBLIC_CHANGE_CHANNEL, receive);
    notify = (payload) =>
      pglite.query("select pg_notify($1, $2)", [PUBLIC_CHANGE_CHANNEL, payload]);
    stop = unlisten;
  } else {
    throw new Error("listenPublicChanges: the handle has neither driver");
  }
  return {
    async settle() {
      const token = crypto.randomUUID();
      const delivered = new Promise<void>((resolve) => waiting.set(token, resolve));
      await notify(`sync ${token}`);
      // A listener connection that broke must not hold the answer forever.
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 2000).unref());
      await Promise.race([delivered, timeout]);
      waiting.delete(token);
    },
    close: stop,
  };
}
