import type { Executor } from "@ita/db";
import type { AccessKind } from "@ita/domain/access";
import { fiscalQuarterOf } from "@ita/domain/fiscal-year";
import { sql, type SQL } from "drizzle-orm";

export { ACCESS_KINDS, type AccessKind } from "@ita/domain/access";

/**
 * An agency by its slug (pages, searches), a stored file by its id (downloads), or the
 * whole site (searches not within one agency, kept in `site_search_counters`).
 */
export type AccessRef = { agencySlug: string } | { attachmentId: string } | { site: true };

const MAX_ROWS_PER_STATEMENT = 500;

/**
 * Aggregate access counters, batched in memory: `hit` only adds 1 to a key (no I/O on
 * the request's path, no address, no cookie); `flush` adds the batch to
 * `access_counters` in a few UPSERTs, resolving slugs and file ids to agencies in SQL.
 * A failed flush puts its counts back for the next one.
 */
export class AccessCounter {
  #pending = new Map<string, number>();

  hit(kind: AccessKind, ref: AccessRef, at: Date = new Date()): void {
    const { fiscalYear, quarter } = fiscalQuarterOf(at);
    const key =
      "agencySlug" in ref
        ? `s\t${ref.agencySlug}\t${fiscalYear}\t${quarter}\t${kind}`
        : "attachmentId" in ref
          ? `f\t${ref.attachmentId}\t${fiscalYear}\t${quarter}\t${kind}`
          : `x\t-\t${fiscalYear}\t${quarter}\t${kind}`;
    this.#pending.set(key, (this.#pending.get(key) ?? 0) + 1);
  }

  get pendingKeys(): number {
    return this.#pending.size;
  }

  async flush(db: Executor): Promise<number> {
    if (this.#pending.size === 0) return 0;
    const batch = this.#pending;
    this.#pending = new Map();
    const rows = [...batch].map(([key, n]) => {
      const [by, ref, fy, q, kind] = key.split("\t") as [string, string, string, string, string];
      return { by, ref, fiscalYear: Number(fy), quarter: Number(q), kind, n };
    });
    try {
      for (const by of ["s", "f"] as const) {
        const mine = rows.filter((r) => r.by === by);
        for (let i = 0; i < mine.length; i += MAX_ROWS_PER_STATEMENT)
          await db.execute(upsert(by, mine.slice(i, i + MAX_ROWS_PER_STATEMENT)));
      }
      const site = rows.filter((r) => r.by === "x" && r.kind === "search");
      if (site.length > 0) await db.execute(upsertSite(site));
    } catch (error) {
      for (const [key, n] of batch) this.#pending.set(key, (this.#pending.get(key) ?? 0) + n);
      throw error;
    }
    return rows.length;
  }
}

function upsert(
  by: "s" | "f",
  rows: { ref: string; fiscalYear: number; quarter: number; kind: string; n: number }[],
): SQL {
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.ref}::text, ${r.fiscalYear}::int, ${r.quarter}::int, ${r.kind}::text, ${r.n}::bigint)`,
    ),
    sql`, `,
  );
  const agencyOf =
    by === "s"
      ? sql`join agencies a on a.slug = v.ref`
      : sql`join attachments f on f.id::text = v.ref
            join disclosure_entries e on e.id = f.entry_id
            join agencies a on a.id = e.agency_id`;
  return sql`
    insert into access_counters (agency_id, fiscal_year, quarter, kind, count)
    select a.id, v.fy, v.q, v.kind, sum(v.n)
    from (values ${values}) as v(ref, fy, q, kind, n)
    ${agencyOf}
    group by a.id, v.fy, v.q, v.kind
    on conflict (agency_id, fiscal_year, quarter, kind)
    do update set count = access_counters.count + excluded.count`;
}

function upsertSite(rows: { fiscalYear: number; quarter: number; n: number }[]): SQL {
  const values = sql.join(
    rows.map((r) => sql`(${r.fiscalYear}::int, ${r.quarter}::int, ${r.n}::bigint)`),
    sql`, `,
  );
  return sql`
    insert into site_search_counters (fiscal_year, quarter, count)
    select v.fy, v.q, sum(v.n)
    from (values ${values}) as v(fy, q, n)
    group by v.fy, v.q
    on conflict (fiscal_year, quarter)
    do update set count = site_search_counters.count + excluded.count`;
}
