import { auditLog } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { AuditQueryInput } from "@ita/domain/schemas";
import { and, desc, eq, gte, ilike, lt, lte, type SQL } from "drizzle-orm";
import { containsPattern, prefixPattern } from "../like-pattern.ts";
import type { z } from "zod";
import { authorizeAgency } from "../authz/authorize.ts";
import type { StaffContext } from "../authz/procedures.ts";

/**
 * The audit log, newest first, with filters. System administrators see everything;
 * agency administrators see their agency's rows only (agencyId required).
 */
export async function listAudit({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof AuditQueryInput>;
}) {
  const q = AuditQueryInput.parse(input);
  if (q.agencyId) await authorizeAgency(ctx, ctx.user, q.agencyId, { roles: ["agency-admin"] });
  else if (!ctx.user.isSystemAdmin) throw new DomainError("FORBIDDEN", "choose an agency");
  const where: SQL[] = [];
  if (q.agencyId) where.push(eq(auditLog.agencyId, q.agencyId));
  if (q.action) where.push(ilike(auditLog.action, prefixPattern(q.action)));
  if (q.actor) where.push(ilike(auditLog.actorLabel, containsPattern(q.actor)));
  if (q.from) where.push(gte(auditLog.at, q.from));
  if (q.to) where.push(lte(auditLog.at, q.to));
  if (q.before) where.push(lt(auditLog.id, q.before));
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  return {
    rows: rows.slice(0, q.limit),
    nextBefore: rows.length > q.limit ? rows[q.limit - 1]!.id : null,
  };
}
