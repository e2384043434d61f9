import { accessCounters } from "@ita/db/schema";
import { and, eq } from "drizzle-orm";
import type { AgencyContext } from "../authz/procedures.ts";
import { ACCESS_KINDS, type AccessKind } from "@ita/domain/access";

/** One agency's quarterly page views, downloads and searches of a fiscal year (quarters 1–4, zeros included). */
export async function getAccessStats({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: { fiscalYear: number };
}) {
  const rows = await ctx.db
    .select()
    .from(accessCounters)
    .where(
      and(
        eq(accessCounters.agencyId, ctx.agency.id),
        eq(accessCounters.fiscalYear, input.fiscalYear),
      ),
    );
  const quarters = ([1, 2, 3, 4] as const).map((quarter) => {
    const counts = Object.fromEntries(
      ACCESS_KINDS.map((kind) => [
        kind,
        rows.find((r) => r.quarter === quarter && r.kind === kind)?.count ?? 0,
      ]),
    ) as Record<AccessKind, number>;
    return { quarter, ...counts };
  });
  return { agencyId: ctx.agency.id, fiscalYear: input.fiscalYear, quarters };
}
