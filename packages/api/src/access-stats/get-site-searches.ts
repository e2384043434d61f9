import { siteSearchCounters } from "@ita/db/schema";
import { eq } from "drizzle-orm";
import type { ProvinceContext } from "../authz/procedures.ts";

/**
 * Site-wide portal searches (not within one agency) per quarter of a fiscal year, zeros
 * included. The same figure for every province: the province only authorises the reader
 * (its coordinators, system administrators).
 */
export async function getSiteSearches({
  ctx,
  input,
}: {
  ctx: ProvinceContext;
  input: { fiscalYear: number };
}) {
  const rows = await ctx.db
    .select()
    .from(siteSearchCounters)
    .where(eq(siteSearchCounters.fiscalYear, input.fiscalYear));
  const quarters = ([1, 2, 3, 4] as const).map((quarter) => ({
    quarter,
    search: rows.find((r) => r.quarter === quarter)?.count ?? 0,
  }));
  return { fiscalYear: input.fiscalYear, quarters };
}
