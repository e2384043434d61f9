import type { Executor } from "@ita/db";
import { itaResults } from "@ita/db/schema";
import { findGradeBand, gradingSchemeForYear } from "@ita/domain/results";
import type { RecordResultInput } from "@ita/domain/schemas";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { authorizeOverseenAgency } from "../authz/authorize.ts";
import type { StaffContext } from "../authz/procedures.ts";

export interface ResultValues {
  fiscalYear: number;
  iit?: number | null;
  eit?: number | null;
  oit?: number | null;
  indicators?: (number | null)[] | null;
  total: number;
  grade: string;
}

/** Inserts or replaces one agency's published result of a year (graded under that year's scheme). */
export async function upsertResult(
  db: Executor,
  ctx: Pick<StaffContext, "user" | "request" | "now">,
  agencyId: string,
  v: ResultValues,
) {
  const gradingScheme = gradingSchemeForYear(v.fiscalYear);
  const values = {
    iit: v.iit ?? null,
    eit: v.eit ?? null,
    oit: v.oit ?? null,
    indicators: v.indicators ?? null,
    total: v.total,
    gradingScheme,
    // Stored as the band's code: "ผ่านดี" and "good" are the same grade.
    grade: findGradeBand(gradingScheme, v.grade)?.code ?? v.grade,
  };
  const [before] = await db
    .select()
    .from(itaResults)
    .where(and(eq(itaResults.agencyId, agencyId), eq(itaResults.fiscalYear, v.fiscalYear)));
  const [row] = await db
    .insert(itaResults)
    .values({ agencyId, fiscalYear: v.fiscalYear, ...values, updatedAt: ctx.now() })
    .onConflictDoUpdate({
      target: [itaResults.agencyId, itaResults.fiscalYear],
      set: { ...values, updatedAt: ctx.now() },
    })
    .returning();
  await recordAudit(db, {
    action: before ? "results.updated" : "results.recorded",
    actor: ctx.user,
    targetType: "ita_result",
    targetId: row!.id,
    agencyId,
    before: before ?? null,
    after: row,
    request: ctx.request,
  });
  return row!;
}

/** A coordinator (their province's agencies) or a system administrator records a result. */
export async function recordResult({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: RecordResultInput;
}) {
  const { agency } = await authorizeOverseenAgency(ctx, ctx.user, input.agencyId);
  return ctx.db.transaction((tx) => upsertResult(tx, ctx, agency.id, input));
}
