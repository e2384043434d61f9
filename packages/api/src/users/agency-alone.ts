import type { Executor } from "@ita/db";
import { pendingRoles, roleAssignments, users } from "@ita/db/schema";
import { and, eq, isNull, ne, or } from "drizzle-orm";

/**
 * True when the account answers to this agency only: not a system administrator, and
 * no role or pending role anywhere else (a province coordination included). Only such
 * an account may have its password or second factor reset by the agency's own
 * administrator, or be re-invited with a link shown to them (ADR 0014).
 */
export async function belongsToAgencyAlone(
  db: Executor,
  userId: string,
  agencyId: string,
): Promise<boolean> {
  const [user] = await db
    .select({ isSystemAdmin: users.isSystemAdmin })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.isSystemAdmin) return false;
  const [elsewhere] = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, userId),
        or(isNull(roleAssignments.agencyId), ne(roleAssignments.agencyId, agencyId)),
      ),
    )
    .limit(1);
  if (elsewhere) return false;
  const [offeredElsewhere] = await db
    .select({ id: pendingRoles.id })
    .from(pendingRoles)
    .where(and(eq(pendingRoles.userId, userId), ne(pendingRoles.agencyId, agencyId)))
    .limit(1);
  return !offeredElsewhere;
}
