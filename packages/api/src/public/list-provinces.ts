import type { Executor } from "@ita/db";
import { agencies, provinces } from "@ita/db/schema";
import { asc, count, eq } from "drizzle-orm";
import type { Context } from "../context.ts";
import { cachedPerDatabase } from "./db-cache.ts";

/**
 * The list may be this stale: counting 8,000 agencies by province took 10–24 ms of
 * PostgreSQL on every home and search page (docs/performance.md). Any committed public
 * change forgets it sooner (the page cache's listener, db-cache.ts).
 */
export const PROVINCE_LIST_TTL_MS = 60_000;

// async: a drizzle query is a thenable that runs again on every await; the cache keeps
// the one promise of its result.
const provinceList = cachedPerDatabase(PROVINCE_LIST_TTL_MS, async (db: Executor) =>
  db
    .select({
      slug: provinces.slug,
      nameTh: provinces.nameTh,
      nameEn: provinces.nameEn,
      agencyCount: count(agencies.id),
    })
    .from(provinces)
    .innerJoin(agencies, eq(agencies.provinceId, provinces.id))
    .groupBy(provinces.id)
    .orderBy(asc(provinces.nameTh)),
);

/** Provinces that have agencies, with how many, in Thai alphabetical order (home page). */
export async function listProvinces({ ctx }: { ctx: Pick<Context, "db"> }) {
  return provinceList(ctx.db);
}
