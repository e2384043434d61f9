import { describe, expect, it } from "vitest";
import {
  AGENCY_ROLES,
  COMPLAINT_ROLES,
  REVIEW_REMINDER_ROLES,
  roleGetsReviewReminders,
  isAgencyRole,
  ROLE_LABELS,
  ROLES,
  roleNeedsTwoFactor,
  roleReads,
  roleWorksComplaints,
  SYSTEM_ADMIN_AGENCY_ROLES,
} from "./roles.ts";

describe("roles", () => {
  it("labels every role in Thai and English", () => {
    for (const r of ROLES) expect(ROLE_LABELS[r].th && ROLE_LABELS[r].en).toBeTruthy();
    expect(ROLES).toEqual([...AGENCY_ROLES, "province-coordinator"]);
  });

  it("asks a second factor of approvers, complaint officers and coordinators only", () => {
    expect(ROLES.filter(roleNeedsTwoFactor)).toEqual([
      "approver",
      "complaint-officer",
      "province-coordinator",
    ]);
    expect(roleNeedsTwoFactor("not-a-role")).toBe(false);
  });

  it("lets complaint officers read the profile but not the disclosures", () => {
    expect(roleReads("complaint-officer", "profile")).toBe(true);
    expect(roleReads("complaint-officer", "disclosures")).toBe(false);
    expect(roleReads("province-coordinator", "disclosures")).toBe(true);
  });

  it("never makes a system administrator a complaint officer (issue 11)", () => {
    expect(SYSTEM_ADMIN_AGENCY_ROLES).toEqual(["agency-admin", "editor", "approver"]);
  });

  it("lets complaint officers alone work complaints, never a role a system administrator holds", () => {
    expect(COMPLAINT_ROLES).toEqual(["complaint-officer"]);
    expect(ROLES.filter(roleWorksComplaints)).toEqual(["complaint-officer"]);
    for (const r of SYSTEM_ADMIN_AGENCY_ROLES) expect(roleWorksComplaints(r)).toBe(false);
    expect(roleWorksComplaints("not-a-role")).toBe(false);
  });

  it("reminds the agency's editors and administrators of review deadlines, nobody else", () => {
    expect([...REVIEW_REMINDER_ROLES].sort()).toEqual(["agency-admin", "editor"]);
    expect(ROLES.filter(roleGetsReviewReminders).sort()).toEqual(["agency-admin", "editor"]);
  });

  it("tells a role held in one agency from the province coordinator's", () => {
    expect(ROLES.filter(isAgencyRole)).toEqual([...AGENCY_ROLES]);
    expect(isAgencyRole("province-coordinator")).toBe(false);
    expect(isAgencyRole("not-a-role")).toBe(false);
  });
});
