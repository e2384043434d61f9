import { provinces } from "@ita/db/schema";
import { asc, inArray } from "drizzle-orm";
import type { StaffContext } from "../authz/procedures.ts";
import { coordinatedProvinces } from "../authz/roles.ts";

/** The provinces whose oversight the actor has: those they coordinate (all, for system administrators). */
export async function listOverseenProvinces({ ctx }: { ctx: StaffContext }) {
  const select = {
    id: provinces.id,
    slug: provinces.slug,
    nameTh: provinces.nameTh,
    nameEn: provinces.nameEn,
  };
  if (ctx.user.isSystemAdmin)
    return ctx.db.select(select).from(provinces).orderBy(asc(provinces.nameTh));
  const ids = [...coordinatedProvinces(ctx.user)];
  if (ids.length === 0) return [];
  return ctx.db
    .select(select)
    .from(provinces)
    .where(inArray(provinces.id, ids))
    .orderBy(asc(provinces.nameTh));
}
