import { agencies, complaints } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { roleWorksComplaints } from "@ita/domain/roles";
import { eq } from "drizzle-orm";
import type { SessionUser } from "../auth/sessions.ts";
import type { StaffContext } from "../authz/procedures.ts";
import type { ComplaintRow } from "./by-receipt.ts";

/**
 * Who may read complaints: ONLY the receiving agency's complaint officers, by an
 * explicit role assignment there. Deliberately not agencyRolesOf(): a system
 * administrator runs the system but holds no complaint powers, and coordinators,
 * agency administrators, editors and approvers see statistics at most (ADR 0012).
 */
export function isComplaintOfficerOf(user: Pick<SessionUser, "roles">, agencyId: string): boolean {
  return user.roles.some((r) => r.agencyId === agencyId && roleWorksComplaints(r.role));
}

export interface OfficerAgency {
  id: string;
  slug: string;
  nameTh: string;
}

export type ComplaintOfficerContext = StaffContext & { agency: OfficerAgency };
export type ComplaintCaseContext = ComplaintOfficerContext & { complaint: ComplaintRow };

/** Unknown agencies and agencies without the role answer alike (FORBIDDEN). */
export async function authorizeComplaintAgency(
  ctx: StaffContext,
  agencyId: string,
): Promise<OfficerAgency> {
  if (!isComplaintOfficerOf(ctx.user, agencyId))
    throw new DomainError("FORBIDDEN", `not a complaint officer of ${agencyId}`);
  const [agency] = await ctx.db
    .select({ id: agencies.id, slug: agencies.slug, nameTh: agencies.nameTh })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency) throw new DomainError("FORBIDDEN", `agency ${agencyId}`);
  return agency;
}

/** Loads a complaint and checks the STORED row's agency; unknown ids answer FORBIDDEN too. */
export async function authorizeComplaint(
  ctx: StaffContext,
  complaintId: string,
): Promise<{ complaint: ComplaintRow; agency: OfficerAgency }> {
  const [complaint] = await ctx.db.select().from(complaints).where(eq(complaints.id, complaintId));
  if (!complaint) throw new DomainError("FORBIDDEN", `complaint ${complaintId}`);
  const agency = await authorizeComplaintAgency(ctx, complaint.agencyId);
  return { complaint, agency };
}
