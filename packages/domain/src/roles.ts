/**
 * Staff roles (docs/domain.md §6): the one place that names them, labels them, and says
 * which need a second factor, which only read, and what each may read. Zod inputs, the
 * database check, the API's authorisation and the admin's labels all read from here.
 */

export const AGENCY_ROLES = ["agency-admin", "editor", "approver", "complaint-officer"] as const;
export type AgencyRole = (typeof AGENCY_ROLES)[number];
export const ROLES = [...AGENCY_ROLES, "province-coordinator"] as const;
export type Role = (typeof ROLES)[number];

/** What a role may read of an agency without being named by a procedure. */
/** `statistics`: the access statistics reported to the executives each quarter (§6). */
export type ReadScope = "profile" | "disclosures" | "statistics";

export interface RoleDefinition {
  label: { th: string; en: string };
  /** Every session must be confirmed with TOTP. */
  twoFactor: boolean;
  /**
   * Never changes an agency's data: a coordinator reads the agencies of a province
   * (their reviews and the province's plan are the province's own data, docs/domain.md §8).
   */
  readOnly: boolean;
  reads: readonly ReadScope[];
  /**
   * A system administrator holds this role in every agency. Not complaint officers:
   * administrators run the system but never read complaints (issue 11, ADR 0014).
   */
  heldBySystemAdmin: boolean;
  /**
   * Reads and works the agency's complaints (content, messages, case work). Nobody
   * else does: not agency administrators, not system administrators (ADR 0012).
   */
  worksComplaints: boolean;
}

export const ROLE_DEFINITIONS: Readonly<Record<Role, RoleDefinition>> = {
  "agency-admin": {
    label: { th: "ผู้ดูแลหน่วยงาน", en: "Agency administrator" },
    twoFactor: false,
    readOnly: false,
    reads: ["profile", "disclosures", "statistics"],
    heldBySystemAdmin: true,
    worksComplaints: false,
  },
  editor: {
    label: { th: "ผู้จัดทำข้อมูล", en: "Editor" },
    twoFactor: false,
    readOnly: false,
    reads: ["profile", "disclosures"],
    heldBySystemAdmin: true,
    worksComplaints: false,
  },
  approver: {
    label: { th: "ผู้อนุมัติเผยแพร่", en: "Approver" },
    twoFactor: true,
    readOnly: false,
    reads: ["profile", "disclosures"],
    heldBySystemAdmin: true,
    worksComplaints: false,
  },
  // Works on complaints only (their own area); reads the agency's profile, not its drafts.
  "complaint-officer": {
    label: { th: "เจ้าหน้าที่เรื่องร้องเรียน", en: "Complaint officer" },
    twoFactor: true,
    readOnly: false,
    reads: ["profile"],
    heldBySystemAdmin: false,
    worksComplaints: true,
  },
  "province-coordinator": {
    label: { th: "ผู้ประสานงานจังหวัด", en: "Province coordinator" },
    twoFactor: true,
    readOnly: true,
    reads: ["profile", "disclosures", "statistics"],
    heldBySystemAdmin: false,
    worksComplaints: false,
  },
};

export const ROLE_LABELS: Readonly<Record<Role, { th: string; en: string }>> = Object.fromEntries(
  ROLES.map((r) => [r, ROLE_DEFINITIONS[r].label]),
) as Record<Role, { th: string; en: string }>;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A role held in one agency (not the province coordinator's). */
export function isAgencyRole(value: string): value is AgencyRole {
  return (AGENCY_ROLES as readonly string[]).includes(value);
}

/** True for a role whose holders confirm every session with a second factor. */
export function roleNeedsTwoFactor(role: string): boolean {
  return isRole(role) && ROLE_DEFINITIONS[role].twoFactor;
}

/** True when holders of `role` may read `scope` of the agency (or province) they hold it in. */
export function roleReads(role: Role, scope: ReadScope): boolean {
  return ROLE_DEFINITIONS[role].reads.includes(scope);
}

/** The agency roles a system administrator holds everywhere. */
export const SYSTEM_ADMIN_AGENCY_ROLES: readonly AgencyRole[] = AGENCY_ROLES.filter(
  (r) => ROLE_DEFINITIONS[r].heldBySystemAdmin,
);

/** The agency roles whose holders read and work complaints (complaint officers). */
export const COMPLAINT_ROLES: readonly AgencyRole[] = AGENCY_ROLES.filter(
  (r) => ROLE_DEFINITIONS[r].worksComplaints,
);

/**
 * The agency roles told of the province's review deadlines (in their notifications and,
 * with SMTP, by e-mail): the people who publish the items (docs/domain.md §8).
 */
export const REVIEW_REMINDER_ROLES: readonly AgencyRole[] = ["editor", "agency-admin"];

/** True when holders of `role` are reminded of review deadlines in the agency they hold it in. */
export function roleGetsReviewReminders(role: string): boolean {
  return isAgencyRole(role) && REVIEW_REMINDER_ROLES.includes(role);
}

/** True when `role` reads and works the complaints of the agency it is held in. */
export function roleWorksComplaints(role: string): boolean {
  return isRole(role) && ROLE_DEFINITIONS[role].worksComplaints;
}
