import {
  isAgencyRole,
  roleNeedsTwoFactor,
  SYSTEM_ADMIN_AGENCY_ROLES,
  type AgencyRole,
} from "@ita/domain/roles";
import type { SessionUser } from "../auth/sessions.ts";

/** Whether the user must confirm every session with a second factor (TOTP). */
export function requiresTwoFactor(user: Pick<SessionUser, "isSystemAdmin" | "roles">): boolean {
  return user.isSystemAdmin || user.roles.some((r) => roleNeedsTwoFactor(r.role));
}

/** Roles the user holds in one agency (a system administrator: those the domain gives them everywhere). */
export function agencyRolesOf(
  user: Pick<SessionUser, "isSystemAdmin" | "roles">,
  agencyId: string,
): Set<AgencyRole> {
  // Not complaint officer: administrators run the system but never read complaints (issue 11).
  if (user.isSystemAdmin) return new Set(SYSTEM_ADMIN_AGENCY_ROLES);
  return new Set(
    user.roles
      .filter((r) => r.agencyId === agencyId)
      .map((r) => r.role)
      .filter(isAgencyRole),
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
