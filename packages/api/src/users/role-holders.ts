import type { Executor } from "@ita/db";
import { roleAssignments, users } from "@ita/db/schema";
import type { AgencyRole } from "@ita/domain/roles";
import { and, eq, inArray, isNull } from "drizzle-orm";

/**
 * The e-mail addresses of the people who hold any of these roles in the agency, each once,
 * leaving out disabled accounts: who an agency's reminders go to, and whether an agency has
 * anyone to receive a forwarded complaint.
 */
export async function agencyRoleHolders(
  db: Executor,
  agencyId: string,
  roles: readonly AgencyRole[],
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: users.email })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.agencyId, agencyId),
        inArray(roleAssignments.role, [...roles]),
        isNull(users.disabledAt),
      ),
    );
  return rows.map((r) => r.email);
}
