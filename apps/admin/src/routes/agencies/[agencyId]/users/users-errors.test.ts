import type { RouterOutputs } from "@ita/api";
import { describe, expect, it, vi } from "vitest";
import { i18n } from "#lib/i18n.svelte.ts";
import { buttonNamed, render, settle, textOf, type } from "../../../../test/render.ts";
import UsersPage from "./+page.svelte";

const api = vi.hoisted(() => ({
  invite: vi.fn(),
  setRoles: vi.fn(),
  remove: vi.fn(),
  createResetLink: vi.fn(),
}));
vi.mock("#lib/api.ts", () => ({
  api: {
    users: {
      invite: { mutate: api.invite },
      setRoles: { mutate: api.setRoles },
      remove: { mutate: api.remove },
      createResetLink: { mutate: api.createResetLink },
    },
  },
}));

// Typed as the API answers, so a field the page reads cannot be missing here.
const member = (id: string, displayName: string): RouterOutputs["users"]["list"][number] => ({
  id,
  displayName,
  email: `${id}@example.go.th`,
  roles: ["editor"],
  pendingRoles: [],
  awaitingConfirmation: [],
  invitationPending: false,
  twoFactorEnabled: false,
  disabled: false,
});
const page = () =>
  render(UsersPage, {
    data: { users: [member("u1", "สมชาย"), member("u2", "สมหญิง")], loadError: null },
    params: { agencyId: "a1" },
  });

describe("agency users: refusals beside what was pressed", () => {
  it.each([
    ["th", "บันทึกบทบาท", "ต้องมีผู้ดูแลหน่วยงานอย่างน้อยหนึ่งคน"],
    ["en", "Save roles", "The agency needs at least one administrator."],
  ] as const)(
    "a refused role change is said in that member's row (%s)",
    async (lang, save, said) => {
      i18n.lang = lang;
      api.setRoles.mockRejectedValue({
        data: {
          messageTh: "ต้องมีผู้ดูแลหน่วยงานอย่างน้อยหนึ่งคน",
          messageEn: "The agency needs at least one administrator.",
        },
      });
      const root = page();
      const rows = [...root.querySelectorAll("tbody tr")];
      const button = [...rows[1]!.querySelectorAll("button")].find((b) => textOf(b) === save)!;
      button.click();
      await settle();
      const alert = root.querySelector("#user-u2-error");
      expect(textOf(alert)).toBe(said);
      expect(alert?.closest("tr")).toBe(rows[1]);
      expect(button.getAttribute("aria-describedby")).toBe("user-u2-error");
      expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);
      // The other member's buttons are not described by it.
      expect(rows[0]!.querySelector("[aria-describedby]")).toBeNull();
      i18n.lang = "th";
    },
  );

  it("a refused invitation of no one field is said beside Send; a field's own message stays by the field", async () => {
    api.invite.mockRejectedValueOnce({
      data: { messageTh: "อีเมลนี้เป็นสมาชิกของหน่วยงานอยู่แล้ว", code: "CONFLICT" },
    });
    const root = page();
    type(root.querySelector("#invite-email"), "somchai@example.go.th");
    type(root.querySelector("#invite-name"), "สมชาย");
    root.querySelector("form")!.requestSubmit();
    await settle();
    const send = buttonNamed(root, "ส่งคำเชิญ");
    const alert = root.querySelector("#invite-error");
    expect(textOf(alert)).toBe("อีเมลนี้เป็นสมาชิกของหน่วยงานอยู่แล้ว");
    expect(send.nextElementSibling).toBe(alert);
    expect(send.getAttribute("aria-describedby")).toBe("invite-error");
    expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);

    api.invite.mockRejectedValueOnce({
      data: { messageTh: "ข้อมูลไม่ถูกต้อง", fieldErrors: { roles: ["เลือกอย่างน้อยหนึ่งบทบาท"] } },
    });
    root.querySelector("form")!.requestSubmit();
    await settle();
    expect(root.querySelector("#invite-error")).toBeNull();
    expect(send.hasAttribute("aria-describedby")).toBe(false);
    expect(textOf(root.querySelector("#invite-roles-error"))).toBe("เลือกอย่างน้อยหนึ่งบทบาท");
    const tick = root.querySelector<HTMLInputElement>('form input[type="checkbox"]')!;
    expect(tick.getAttribute("aria-invalid")).toBe("true");
    expect(tick.getAttribute("aria-describedby")).toBe("invite-roles-error");
  });

  it("a row's refused roles are said in the row, not under the invitation form's roles", async () => {
    api.setRoles.mockRejectedValue({
      data: { messageTh: "ข้อมูลไม่ถูกต้อง", fieldErrors: { roles: ["เลือกอย่างน้อยหนึ่งบทบาท"] } },
    });
    const root = page();
    const row = root.querySelectorAll("tbody tr")[0]!;
    [...row.querySelectorAll("button")].find((b) => textOf(b) === "บันทึกบทบาท")!.click();
    await settle();
    expect(textOf(root.querySelector("#user-u1-error"))).toBe("เลือกอย่างน้อยหนึ่งบทบาท");
    expect(root.querySelector("#invite-roles-error")).toBeNull();
    expect(root.querySelector('form input[type="checkbox"]')?.getAttribute("aria-invalid")).toBe(
      "false",
    );
  });

  it("a password reset link appears in that member's row, with a copy button, not at the top", async () => {
    api.createResetLink.mockResolvedValue({
      delivery: "show",
      link: "http://localhost/admin/set-password?token=abc",
    });
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const root = page();
    const row = root.querySelectorAll("tbody tr")[1]!;
    [...row.querySelectorAll("button")].find((b) => textOf(b) === "ลิงก์ตั้งรหัสผ่านใหม่")!.click();
    await settle();
    const outcome = row.querySelector('[role="status"]');
    expect(textOf(outcome)).toContain("ใช้ได้ครั้งเดียว ภายใน 24 ชั่วโมง");
    expect(textOf(outcome?.querySelector('[data-testid="one-time-link"]'))).toBe(
      "http://localhost/admin/set-password?token=abc",
    );
    expect(root.querySelectorAll('[role="status"]')).toHaveLength(1);
    [...outcome!.querySelectorAll("button")].find((b) => textOf(b) === "คัดลอกลิงก์")!.click();
    await settle();
    expect(writeText).toHaveBeenCalledWith("http://localhost/admin/set-password?token=abc");
    expect(textOf(outcome)).toContain("คัดลอกแล้ว");
  });
});
