import { agencies, itaResults, provinces } from "@ita/db/schema";
import { isGradingSchemeKey } from "@ita/domain/grading";
import { gradingSchemeForYear, publishedGrade } from "@ita/domain/results";
import type { OpenResultsInput } from "@ita/domain/schemas";
import { asc, desc, eq } from "drizzle-orm";
import type { Context } from "../context.ts";

/**
 * Every agency's ITA results as NACC published them (open data): scores, the ten
 * indicators, the published total and grade with its label — never a computed grade.
 */
export async function listOpenResults({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db">;
  input: OpenResultsInput;
}) {
  const rows = await ctx.db
    .select({
      slug: agencies.slug,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      provinceSlug: provinces.slug,
      provinceTh: provinces.nameTh,
      fiscalYear: itaResults.fiscalYear,
      iit: itaResults.iit,
      eit: itaResults.eit,
      oit: itaResults.oit,
      indicators: itaResults.indicators,
      total: itaResults.total,
      gradingScheme: itaResults.gradingScheme,
      grade: itaResults.grade,
      updatedAt: itaResults.updatedAt,
    })
    .from(itaResults)
    .innerJoin(agencies, eq(agencies.id, itaResults.agencyId))
    .innerJoin(provinces, eq(provinces.id, agencies.provinceId))
    .where(input.fiscalYear ? eq(itaResults.fiscalYear, input.fiscalYear) : undefined)
    .orderBy(desc(itaResults.fiscalYear), asc(provinces.nameTh), asc(agencies.nameTh));
  return rows.map((r) => {
    const scheme = isGradingSchemeKey(r.gradingScheme)
      ? r.gradingScheme
      : gradingSchemeForYear(r.fiscalYear);
    return { ...r, gradingScheme: scheme, grade: publishedGrade(scheme, r.grade) };
  });
}

export type OpenResult = Awaited<ReturnType<typeof listOpenResults>>[number];
