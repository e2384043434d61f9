import { DomainError } from "@ita/domain/errors";
import { SlugRefInput } from "@ita/domain/schemas";
import { agencies, agencyExecutives, districts, itaResults, provinces } from "@ita/db/schema";
import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Context } from "../context.ts";

/** Public profile of one agency: place, contacts, executives and yearly ITA results. */
export async function getAgencyProfile({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db">;
  input: z.input<typeof SlugRefInput>;
}) {
  const { slug } = SlugRefInput.parse(input);
  const [row] = await ctx.db
    .select({
      agency: agencies,
      province: { slug: provinces.slug, nameTh: provinces.nameTh, nameEn: provinces.nameEn },
      district: { slug: districts.slug, nameTh: districts.nameTh, nameEn: districts.nameEn },
    })
    .from(agencies)
    .innerJoin(provinces, eq(provinces.id, agencies.provinceId))
    .leftJoin(districts, eq(districts.id, agencies.districtId))
    .where(eq(agencies.slug, slug));
  if (!row) throw new DomainError("NOT_FOUND", `agency ${slug}`);
  const [executives, results] = await Promise.all([
    ctx.db
      .select({ name: agencyExecutives.name, positionTh: agencyExecutives.positionTh })
      .from(agencyExecutives)
      .where(eq(agencyExecutives.agencyId, row.agency.id))
      .orderBy(asc(agencyExecutives.sortOrder)),
    ctx.db
      .select({
        fiscalYear: itaResults.fiscalYear,
        iit: itaResults.iit,
        eit: itaResults.eit,
        oit: itaResults.oit,
        total: itaResults.total,
        gradingScheme: itaResults.gradingScheme,
        grade: itaResults.grade,
        indicators: itaResults.indicators,
      })
      .from(itaResults)
      .where(eq(itaResults.agencyId, row.agency.id))
      .orderBy(asc(itaResults.fiscalYear)),
  ]);
  return { ...row.agency, province: row.province, district: row.district, executives, results };
}

export type AgencyProfile = Awaited<ReturnType<typeof getAgencyProfile>>;
