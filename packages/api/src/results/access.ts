import { agencies, provinces } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { eq } from "drizzle-orm";
import { coordinatedProvinces } from "../authz/roles.ts";
import type { StaffContext } from "../authz/procedures.ts";

/**
 * ITA results are kept by the province: its coordinators and system administrators
 * record them, agency roles never do (an agency does not grade itself). Scope is
 * checked against the stored province (of the stored agency), never against input.
 */
export function mayManageProvinceResults(ctx: StaffContext, provinceId: string): boolean {
  return ctx.user.isSystemAdmin || coordinatedProvinces(ctx.user).has(provinceId);
}

export async function authorizeProvinceResults(ctx: StaffContext, provinceId: string) {
  const [province] = await ctx.db
    .select({
      id: provinces.id,
      slug: provinces.slug,
      nameTh: provinces.nameTh,
      nameEn: provinces.nameEn,
    })
    .from(provinces)
    .where(eq(provinces.id, provinceId));
  if (!province || !mayManageProvinceResults(ctx, province.id))
    throw new DomainError(
      province || !ctx.user.isSystemAdmin ? "FORBIDDEN" : "NOT_FOUND",
      `province ${provinceId}`,
    );
  return province;
}

export async function authorizeAgencyResults(ctx: StaffContext, agencyId: string) {
  const [agency] = await ctx.db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      nameTh: agencies.nameTh,
      type: agencies.type,
      provinceId: agencies.provinceId,
    })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency || !mayManageProvinceResults(ctx, agency.provinceId))
    throw new DomainError(
      agency || !ctx.user.isSystemAdmin ? "FORBIDDEN" : "NOT_FOUND",
      `agency ${agencyId}`,
    );
  return agency;
}
