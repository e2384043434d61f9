import {
  agencies,
  disclosureEntries,
  integrityMeasureProgress,
  integrityMeasures,
  itaResults,
} from "@ita/db/schema";
import { itemByTag } from "@ita/domain/frameworks";
import { DEFAULT_WEAK_POINT_THRESHOLD, proposeWeakPoints } from "@ita/domain/measures";
import { publishedGrade } from "@ita/domain/results";
import type { MeasuresYearInput } from "@ita/domain/schemas";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@ita/db";
import type { AgencyContext } from "../authz/procedures.ts";
import { resolveFramework } from "../frameworks/resolve-framework.ts";

/**
 * The entry of a once-a-year item the measures page shows and its draft goes into: the
 * agency's newest entry of the item in the year.
 */
export async function latestItemEntry(
  db: Executor,
  q: { agencyId: string; fiscalYear: number; itemCode: string },
) {
  const [entry] = await db
    .select({ id: disclosureEntries.id, state: disclosureEntries.state })
    .from(disclosureEntries)
    .where(
      and(
        eq(disclosureEntries.agencyId, q.agencyId),
        eq(disclosureEntries.fiscalYear, q.fiscalYear),
        eq(disclosureEntries.itemCode, q.itemCode),
      ),
    )
    .orderBy(desc(disclosureEntries.createdAt))
    .limit(1);
  return entry ?? null;
}

/** The year's measures of the agency with their progress, oldest first (the document's order). */
export async function loadMeasures(db: Executor, agencyId: string, fiscalYear: number) {
  const rows = await db
    .select()
    .from(integrityMeasures)
    .where(
      and(eq(integrityMeasures.agencyId, agencyId), eq(integrityMeasures.fiscalYear, fiscalYear)),
    )
    .orderBy(asc(integrityMeasures.sortOrder), asc(integrityMeasures.createdAt));
  const progress = rows.length
    ? await db
        .select()
        .from(integrityMeasureProgress)
        .where(
          inArray(
            integrityMeasureProgress.measureId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(integrityMeasureProgress.date), asc(integrityMeasureProgress.createdAt))
    : [];
  return rows.map((m) => ({
    ...m,
    progress: progress
      .filter((p) => p.measureId === m.id)
      .map((p) => ({ id: p.id, date: p.date, status: p.status, text: p.text })),
  }));
}

/** Last year's stored ITA result of the agency, if the province recorded one. */
export async function lastYearResult(db: Executor, agencyId: string, fiscalYear: number) {
  const [row] = await db
    .select()
    .from(itaResults)
    .where(and(eq(itaResults.agencyId, agencyId), eq(itaResults.fiscalYear, fiscalYear - 1)));
  return row ?? null;
}

/**
 * The measures page of an agency's year: last year's result (what the weak points come
 * from), the weak points with their measures and progress, and the year's two measures
 * items (found by tag, ADR 0022) with the entry each has, if any.
 */
export async function getMeasuresYear({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.infer<typeof MeasuresYearInput>;
}) {
  const { fiscalYear } = input;
  const [agency] = await ctx.db
    .select({ nameTh: agencies.nameTh, nameEn: agencies.nameEn })
    .from(agencies)
    .where(eq(agencies.id, ctx.agency.id));
  const result = await lastYearResult(ctx.db, ctx.agency.id, fiscalYear);
  const resolved = await resolveFramework(ctx.db, fiscalYear, ctx.agency.type);
  const items = await Promise.all(
    (["measures", "measures-implementation"] as const).map(async (tag) => {
      const item = resolved ? itemByTag(resolved.items, tag) : undefined;
      if (!item) return { tag, item: null, entry: null };
      const entry = await latestItemEntry(ctx.db, {
        agencyId: ctx.agency.id,
        fiscalYear,
        itemCode: item.code,
      });
      return {
        tag,
        item: { code: item.code, titleTh: item.titleTh, titleEn: item.titleEn },
        entry,
      };
    }),
  );
  return {
    agency: {
      id: ctx.agency.id,
      slug: ctx.agency.slug,
      nameTh: agency!.nameTh,
      nameEn: agency!.nameEn,
    },
    fiscalYear,
    canEdit: !ctx.agency.readOnly && ctx.agency.roles.has("editor"),
    threshold: DEFAULT_WEAK_POINT_THRESHOLD,
    result: result
      ? {
          fiscalYear: result.fiscalYear,
          total: result.total,
          grade: publishedGrade(result.gradingScheme, result.grade),
          indicators: result.indicators,
          proposed: proposeWeakPoints(result.indicators, result.fiscalYear).length,
        }
      : null,
    measures: await loadMeasures(ctx.db, ctx.agency.id, fiscalYear),
    items,
  };
}
