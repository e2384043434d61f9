import { agencies, provinces } from "@ita/db/schema";
import { FindComplaintAgencyInput } from "@ita/domain/complaints";
import { asc, eq, ilike, or } from "drizzle-orm";
import type { z } from "zod";
import type { Context } from "../context.ts";

/** Agencies whose Thai or English name contains the words typed, for the complaint start page. */
export async function findComplaintAgencies({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db">;
  input: z.input<typeof FindComplaintAgencyInput>;
}) {
  const { q } = FindComplaintAgencyInput.parse(input);
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return ctx.db
    .select({
      slug: agencies.slug,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      provinceTh: provinces.nameTh,
      provinceEn: provinces.nameEn,
    })
    .from(agencies)
    .innerJoin(provinces, eq(provinces.id, agencies.provinceId))
    .where(or(ilike(agencies.nameTh, pattern), ilike(agencies.nameEn, pattern)))
    .orderBy(asc(agencies.nameTh))
    .limit(20);
}
