import { queryRows, type Database } from "@ita/db";
import type { PublicChange } from "@ita/db/public-changes";
import { sql } from "drizzle-orm";

/** Re-checked at least this often, so a far moment never needs a timer of weeks. */
const LONGEST_WAIT_MS = 60 * 60 * 1000;

/**
 * An entry approved for a later moment becomes public by the clock alone, with no row
 * changing then, so no notification says so. This keeps one timer per process for the
 * next such moment and, when it comes, reports the agencies whose entries just went
 * public as changed (docs/adr/0018-rendered-page-cache.md). Re-armed after every committed change, since a
 * change may have scheduled an earlier moment.
 */
export function watchScheduledMoments(
  db: Database,
  onChange: (change: PublicChange) => void,
  now: () => Date = () => new Date(),
) {
  let checkedUpTo = now();
  let timer: NodeJS.Timeout | undefined;
  let pending: Promise<void> | null = null;
  let stopped = false;

  async function fire() {
    const upTo = now();
    const agencies = await queryRows<{ agency: string; province: string }>(
      db,
      sql`select distinct a.slug as agency, p.slug as province
          from disclosure_entries e
          join agencies a on a.id = e.agency_id
          join provinces p on p.id = a.province_id
          where e.published_at > ${checkedUpTo.toISOString()}::timestamptz
            and e.published_at <= ${upTo.toISOString()}::timestamptz`,
    );
    checkedUpTo = upTo;
    for (const row of agencies) onChange({ kind: "agency", ...row });
  }

  async function arm() {
    const [row] = await queryRows<{ at: Date | string | null }>(
      db,
      // As text: postgres.js takes no Date in a raw query's parameters.
      sql`select min(published_at) as at from disclosure_entries
          where published_at > ${now().toISOString()}::timestamptz`,
    );
    if (stopped) return;
    clearTimeout(timer);
    const at = row?.at ? new Date(row.at).getTime() : null;
    const wait = at === null ? LONGEST_WAIT_MS : Math.min(at - now().getTime(), LONGEST_WAIT_MS);
    timer = setTimeout(
      () => {
        void fire()
          .then(rearm)
          .catch((error) => console.error("page cache: scheduled moments", error));
      },
      Math.max(wait, 0) + 1,
    );
    timer.unref();
  }

  /**
   * One query at a time, however many changes arrive together; a change that arrives
   * while one runs gets one more, since that query may have started before it committed.
   */
  let again = false;
  function rearm(): Promise<void> {
    if (pending) {
      again = true;
      return pending;
    }
    pending = arm()
      .catch((error) => console.error("page cache: scheduled moments", error))
      .finally(() => {
        pending = null;
        if (again) {
          again = false;
          void rearm();
        }
      });
    return pending;
  }

  return {
    rearm,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
