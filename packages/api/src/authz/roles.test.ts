import { describe, expect, it } from "vitest";
import { agencyRolesOf, requiresTwoFactor } from "./roles.ts";

const agencyId = "00000000-0000-4000-8000-000000000001";

describe("roles of a session user", () => {
  it("gives a system administrator every agency role but complaint officer (issue 11)", () => {
    const roles = agencyRolesOf({ isSystemAdmin: true, roles: [] }, agencyId);
    expect([...roles].sort()).toEqual(["agency-admin", "approver", "editor"]);
  });

  it("asks a second factor as the domain's role list says", () => {
    const holding = (role: "editor" | "approver" | "province-coordinator") => ({
      isSystemAdmin: false,
      roles: [{ role, agencyId, provinceId: null }],
    });
    expect(requiresTwoFactor(holding("editor"))).toBe(false);
    expect(requiresTwoFactor(holding("approver"))).toBe(true);
    expect(requiresTwoFactor(holding("province-coordinator"))).toBe(true);
    expect(requiresTwoFactor({ isSystemAdmin: true, roles: [] })).toBe(true);
  });
});
