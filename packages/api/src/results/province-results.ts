import { agencies, districts, itaResults, provinceResultTargets, provinces } from "@ita/db/schema";
import { isGradingSchemeKey } from "@ita/domain/grading";
import {
  evaluateResult,
  gradingSchemeForYear,
  publishedGrade,
  rankByTotal,
  summariseProvince,
  type IndicatorScores,
} from "@ita/domain/results";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { authorizeProvince } from "../authz/authorize.ts";
import type { StaffContext } from "../authz/procedures.ts";
import { coordinatedProvinces } from "../authz/roles.ts";

/** Provinces whose results the actor keeps: a coordinator's own, every one for a system administrator. */
export async function listResultProvinces({ ctx }: { ctx: StaffContext }) {
  const own = [...coordinatedProvinces(ctx.user)];
  if (!ctx.user.isSystemAdmin && own.length === 0) return [];
  return ctx.db
    .select({
      id: provinces.id,
      slug: provinces.slug,
      nameTh: provinces.nameTh,
      nameEn: provinces.nameEn,
    })
    .from(provinces)
    .where(ctx.user.isSystemAdmin ? sql`true` : inArray(provinces.id, own))
    .orderBy(asc(provinces.nameTh));
}

type ResultRow = typeof itaResults.$inferSelect;

function describe(r: ResultRow) {
  const scheme = isGradingSchemeKey(r.gradingScheme)
    ? r.gradingScheme
    : gradingSchemeForYear(r.fiscalYear);
  const evaluation = evaluateResult({
    fiscalYear: r.fiscalYear,
    gradingScheme: scheme,
    iit: r.iit,
    eit: r.eit,
    oit: r.oit,
    indicators: r.indicators as IndicatorScores | null,
    total: r.total,
    grade: r.grade,
  });
  return {
    fiscalYear: r.fiscalYear,
    iit: r.iit,
    eit: r.eit,
    oit: r.oit,
    indicators: r.indicators,
    total: r.total,
    gradingScheme: scheme,
    grade: publishedGrade(scheme, r.grade),
    computedTotal: evaluation.computedTotal,
    computedGrade: evaluation.computedGrade,
    instruments: evaluation.instruments,
    disagreements: evaluation.disagreements,
    updatedAt: r.updatedAt,
  };
}

/**
 * A province's year of results for its coordinator: every agency with its published
 * result (and what the domain computes from it), the average, passes against the
 * province's target, the ranking, and the failing agencies with their history.
 */
export async function getProvinceResults({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: { provinceId: string; fiscalYear: number };
}) {
  const province = await authorizeProvince(ctx, ctx.user, input.provinceId);
  const agencyRows = await ctx.db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      type: agencies.type,
      districtTh: districts.nameTh,
    })
    .from(agencies)
    .leftJoin(districts, eq(districts.id, agencies.districtId))
    .where(eq(agencies.provinceId, province.id))
    .orderBy(asc(agencies.nameTh));
  const ids = agencyRows.map((a) => a.id);
  const [allResults, [target], yearRows] = await Promise.all([
    ids.length
      ? ctx.db
          .select()
          .from(itaResults)
          .where(inArray(itaResults.agencyId, ids))
          .orderBy(asc(itaResults.fiscalYear))
      : Promise.resolve([] as ResultRow[]),
    ctx.db
      .select({ passTarget: provinceResultTargets.passTarget })
      .from(provinceResultTargets)
      .where(
        and(
          eq(provinceResultTargets.provinceId, province.id),
          eq(provinceResultTargets.fiscalYear, input.fiscalYear),
        ),
      ),
    ids.length
      ? ctx.db
          .selectDistinct({ fiscalYear: itaResults.fiscalYear })
          .from(itaResults)
          .where(inArray(itaResults.agencyId, ids))
      : Promise.resolve([] as { fiscalYear: number }[]),
  ]);
  const historyOf = new Map<string, ReturnType<typeof describe>[]>();
  for (const r of allResults) {
    const list = historyOf.get(r.agencyId) ?? [];
    list.push(describe(r));
    historyOf.set(r.agencyId, list);
  }
  const rows = agencyRows.map((a) => ({
    ...a,
    result: historyOf.get(a.id)?.find((r) => r.fiscalYear === input.fiscalYear) ?? null,
  }));
  const withResult = rows.filter((r) => r.result !== null);
  const summary = summariseProvince(
    withResult.map((r) => ({
      agencyId: r.id,
      total: r.result!.total,
      passed: r.result!.grade.passed,
      gradingScheme: r.result!.gradingScheme,
    })),
    target?.passTarget ?? null,
  );
  const ranking = rankByTotal(
    withResult.map((r) => ({ agencyId: r.id, total: r.result!.total })),
  ).map(({ agencyId, rank }) => ({ agencyId, rank }));
  const rankOf = new Map(ranking.map((r) => [r.agencyId, r.rank]));
  const ranked = withResult
    .map((r) => ({ ...r, rank: rankOf.get(r.id)! }))
    .sort((a, b) => a.rank - b.rank || a.nameTh.localeCompare(b.nameTh, "th"));
  const failing = ranked
    .filter((r) => r.result!.grade.passed === false)
    .map((r) => ({ ...r, history: historyOf.get(r.id) ?? [] }));
  return {
    province,
    fiscalYear: input.fiscalYear,
    gradingScheme: gradingSchemeForYear(input.fiscalYear),
    years: yearRows.map((y) => y.fiscalYear).sort((a, b) => b - a),
    summary,
    ranked,
    failing,
    withoutResult: rows.filter((r) => r.result === null).map(({ result: _r, ...a }) => a),
  };
}

export type ProvinceResults = Awaited<ReturnType<typeof getProvinceResults>>;

/** The coordinator sets how many of the province's agencies should pass in a year. */
export async function setProvinceTarget({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: { provinceId: string; fiscalYear: number; passTarget: number };
}) {
  const province = await authorizeProvince(ctx, ctx.user, input.provinceId);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(provinceResultTargets)
      .where(
        and(
          eq(provinceResultTargets.provinceId, province.id),
          eq(provinceResultTargets.fiscalYear, input.fiscalYear),
        ),
      );
    const values = { passTarget: input.passTarget, updatedAt: ctx.now() };
    const [row] = await tx
      .insert(provinceResultTargets)
      .values({ provinceId: province.id, fiscalYear: input.fiscalYear, ...values })
      .onConflictDoUpdate({
        target: [provinceResultTargets.provinceId, provinceResultTargets.fiscalYear],
        set: values,
      })
      .returning();
    await recordAudit(tx, {
      action: "results.target_set",
      actor: ctx.user,
      targetType: "province",
      targetId: province.id,
      before: before ?? null,
      after: row,
      request: ctx.request,
    });
    return row!;
  });
}
