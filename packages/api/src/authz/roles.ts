import type { AgencyRole } from "@ita/domain/schemas";
import type { SessionUser } from "../auth/sessions.ts";

/** Roles whose holders must confirm every session with a second factor (TOTP). */
const TWO_FACTOR_ROLES = new Set(["approver", "complaint-officer", "province-coordinator"]);

export function requiresTwoFactor(user: Pick<SessionUser, "isSystemAdmin" | "roles">): boolean {
  return user.isSystemAdmin || user.roles.some((r) => TWO_FACTOR_ROLES.has(r.role));
}

/** Roles the user holds in one agency (a system administrator holds them all). */
export function agencyRolesOf(
  user: Pick<SessionUser, "isSystemAdmin" | "roles">,
  agencyId: string,
): Set<AgencyRole> {
  if (user.isSystemAdmin)
    return new Set(["agency-admin", "editor", "approver", "complaint-officer"]);
  return new Set(
    user.roles.filter((r) => r.agencyId === agencyId).map((r) => r.role as AgencyRole),
  );
}

/** Provinces whose agencies the user may read as a coordinator. */
export function coordinatedProvinces(user: Pick<SessionUser, "roles">): Set<string> {
  return new Set(
    user.roles
      .filter((r) => r.role === "province-coordinator" && r.provinceId)
      .map((r) => r.provinceId!),
  );
}
