import { describe, expect, it, vi } from "vitest";
import { buttonNamed, render, settle } from "../test/render.ts";
import PendingInvitations from "./PendingInvitations.svelte";

const invitation = {
  agencyId: "a-1",
  agencyNameTh: "เทศบาลเมืองลำพูน",
  roles: ["editor", "approver"] as const,
  invitedBy: ["ผู้ดูแล ลำพูน"],
  createdAt: new Date("2026-11-20T03:00:00Z"),
};

describe("PendingInvitations", () => {
  it("names the agency, the offered roles (domain labels) and who invited", () => {
    const root = render(PendingInvitations, {
      invitations: [{ ...invitation, roles: [...invitation.roles] }],
      onanswer: vi.fn(),
    });
    const text = root.querySelector("li")?.textContent ?? "";
    expect(text).toContain("เทศบาลเมืองลำพูน");
    expect(text).toContain("ผู้จัดทำข้อมูล, ผู้อนุมัติเผยแพร่");
    expect(text).toContain("ผู้ดูแล ลำพูน");
  });

  it("shows nothing when no invitation waits", () => {
    const root = render(PendingInvitations, { invitations: [], onanswer: vi.fn() });
    expect(root.querySelector("section")).toBeNull();
  });

  it("accepts with the agency's id and says the roles are in effect", async () => {
    const onanswer = vi.fn(async () => {});
    const root = render(PendingInvitations, {
      invitations: [{ ...invitation, roles: [...invitation.roles] }],
      onanswer,
    });
    buttonNamed(root, "ตอบรับ เทศบาลเมืองลำพูน").click();
    await settle();
    expect(onanswer).toHaveBeenCalledWith("a-1", true);
    expect(root.querySelector('[role="status"]')?.textContent).toBe("ตอบรับคำเชิญแล้ว บทบาทใหม่มีผลแล้ว");
  });

  it("shows the API's refusal and no success message when declining fails", async () => {
    const refusal = { data: { messageTh: "คำเชิญนี้หมดอายุแล้ว" } };
    const root = render(PendingInvitations, {
      invitations: [{ ...invitation, roles: [...invitation.roles] }],
      onanswer: vi.fn(async () => Promise.reject(refusal)),
    });
    buttonNamed(root, "ปฏิเสธ เทศบาลเมืองลำพูน").click();
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe("คำเชิญนี้หมดอายุแล้ว");
    expect(root.querySelector('[role="status"]')).toBeNull();
  });
});
