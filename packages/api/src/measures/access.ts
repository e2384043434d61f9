import { integrityMeasures } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { eq } from "drizzle-orm";
import type { SessionUser } from "../auth/sessions.ts";
import { authorizeAgency, type AgencyAccess, type AuthorizedAgency } from "../authz/authorize.ts";
import type { Context } from "../context.ts";
import type { AgencyContext } from "../authz/procedures.ts";

export type MeasureRow = typeof integrityMeasures.$inferSelect;

/**
 * Loads a measure and authorises the actor in the measure's STORED agency (never an
 * agency named in the input), as entries are authorised.
 */
export async function authorizeMeasure(
  ctx: Pick<Context, "db">,
  user: SessionUser,
  measureId: string,
  access: AgencyAccess,
): Promise<{ measure: MeasureRow; agency: AuthorizedAgency }> {
  const [measure] = await ctx.db
    .select()
    .from(integrityMeasures)
    .where(eq(integrityMeasures.id, measureId));
  if (!measure)
    throw new DomainError(user.isSystemAdmin ? "NOT_FOUND" : "FORBIDDEN", `measure ${measureId}`);
  const agency = await authorizeAgency(ctx, user, measure.agencyId, access);
  return { measure, agency };
}

/** Writing measures is an editor's work in the agency; a coordinator reads only. */
export function requireMeasureEditor(ctx: Pick<AgencyContext, "agency">) {
  if (ctx.agency.readOnly || !ctx.agency.roles.has("editor"))
    throw new DomainError("FORBIDDEN", "editors only");
}
