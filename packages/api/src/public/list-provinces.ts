import { agencies, provinces } from "@ita/db/schema";
import { asc, count, eq } from "drizzle-orm";
import type { Context } from "../context.ts";

/** Provinces that have agencies, with how many, in Thai alphabetical order (home page). */
export async function listProvinces({ ctx }: { ctx: Pick<Context, "db"> }) {
  return ctx.db
    .select({
      slug: provinces.slug,
      nameTh: provinces.nameTh,
      nameEn: provinces.nameEn,
      agencyCount: count(agencies.id),
    })
    .from(provinces)
    .innerJoin(agencies, eq(agencies.provinceId, provinces.id))
    .groupBy(provinces.id)
    .orderBy(asc(provinces.nameTh));
}
