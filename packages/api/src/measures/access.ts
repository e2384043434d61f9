import { integrityMeasureProgress, integrityMeasures } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { eq } from "drizzle-orm";
import type { SessionUser } from "../auth/sessions.ts";
import { authorizeAgency, type AgencyAccess, type AuthorizedAgency } from "../authz/authorize.ts";
import type { Context } from "../context.ts";
import type { AgencyContext } from "../authz/procedures.ts";

export type MeasureRow = typeof integrityMeasures.$inferSelect;
export type ProgressRow = typeof integrityMeasureProgress.$inferSelect;

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

/**
 * Loads a progress update and authorises the actor in its measure's STORED agency: an
 * update is reached by its own id only, so no measure id in the input can lend it a scope.
 */
export async function authorizeProgress(
  ctx: Pick<Context, "db">,
  user: SessionUser,
  progressId: string,
  access: AgencyAccess,
): Promise<{ progress: ProgressRow; measure: MeasureRow; agency: AuthorizedAgency }> {
  const [progress] = await ctx.db
    .select()
    .from(integrityMeasureProgress)
    .where(eq(integrityMeasureProgress.id, progressId));
  if (!progress)
    throw new DomainError(user.isSystemAdmin ? "NOT_FOUND" : "FORBIDDEN", `progress ${progressId}`);
  const { measure, agency } = await authorizeMeasure(ctx, user, progress.measureId, access);
  return { progress, measure, agency };
}

/** Writing measures is an editor's work in the agency; a coordinator reads only. */
export function requireMeasureEditor(ctx: Pick<AgencyContext, "agency">) {
  if (ctx.agency.readOnly || !ctx.agency.roles.has("editor"))
    throw new DomainError("FORBIDDEN", "editors only");
}
