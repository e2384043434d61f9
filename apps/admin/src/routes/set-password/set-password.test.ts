import type { RouterOutputs } from "@ita/api";
import { describe, expect, it, vi } from "vitest";
import { render, settle, type } from "../../test/render.ts";
import { load } from "./+page.ts";
import SetPasswordPage from "./+page.svelte";

const api = vi.hoisted(() => ({ checkLink: vi.fn(), redeemLink: vi.fn() }));
vi.mock("#lib/api.ts", () => ({
  api: { auth: { checkLink: { query: api.checkLink }, redeemLink: { mutate: api.redeemLink } } },
}));

// Typed as the API answers, so a field the page reads cannot be missing here.
const link: RouterOutputs["auth"]["checkLink"] = {
  email: "clerk@example.go.th",
  displayName: "เจ้าหน้าที่ใหม่",
  purpose: "invitation",
  expiresAt: new Date("2026-11-08T03:00:00Z"),
};
const page = (data: Awaited<ReturnType<typeof load>>) =>
  render(SetPasswordPage, { data, params: {} });

describe("set-password", () => {
  it("load: a refused token is an invalid link, which the page says", async () => {
    api.checkLink.mockRejectedValue({ data: { code: "NOT_FOUND" } });
    const data = await load({
      url: new URL("http://localhost/admin/set-password?token=x"),
    } as never);
    expect(api.checkLink).toHaveBeenCalledWith({ token: "x" });
    expect(data).toEqual({ token: "x", link: null });
    const root = page({ token: "x", link: null });
    expect(root.querySelector('[role="alert"]')?.textContent).toContain("ลิงก์นี้ไม่ถูกต้อง");
    expect(root.querySelector("form")).toBeNull();
  });

  it("two different passwords: the message is next to the confirmation, nothing is sent", async () => {
    const root = page({ token: "t", link });
    type(root.querySelector("#sp-password"), "ดอยสุเทพยามเช้าสวยมาก");
    type(root.querySelector("#sp-confirm"), "ดอยสุเทพยามเย็นสวยมาก");
    root.querySelector("form")!.requestSubmit();
    await settle();
    expect(root.querySelector("#sp-confirm-error")?.textContent).toBe("รหัสผ่านทั้งสองช่องไม่ตรงกัน");
    expect(root.querySelector("#sp-confirm")?.getAttribute("aria-invalid")).toBe("true");
    expect(api.redeemLink).not.toHaveBeenCalled();
  });

  it("a weak password: the API's message is next to the password, with its hint", async () => {
    api.redeemLink.mockRejectedValue({
      data: { messageTh: "ข้อมูลไม่ถูกต้อง", fieldErrors: { password: ["รหัสผ่านนี้เดาง่ายเกินไป"] } },
    });
    const root = page({ token: "t", link });
    type(root.querySelector("#sp-password"), "password1234");
    type(root.querySelector("#sp-confirm"), "password1234");
    root.querySelector("form")!.requestSubmit();
    await settle();
    expect(api.redeemLink).toHaveBeenCalledWith({ token: "t", password: "password1234" });
    expect(root.querySelector("#sp-password-error")?.textContent).toBe("รหัสผ่านนี้เดาง่ายเกินไป");
    expect(root.querySelector("#sp-password")?.getAttribute("aria-describedby")).toBe(
      "sp-password-hint sp-password-error",
    );
    expect(root.querySelector('[role="status"]')).toBeNull();
  });

  it("a good password: says it is set and links to sign-in", async () => {
    api.redeemLink.mockResolvedValue({ ok: true });
    const root = page({ token: "t", link });
    type(root.querySelector("#sp-password"), "ดอยสุเทพยามเช้าสวยมาก");
    type(root.querySelector("#sp-confirm"), "ดอยสุเทพยามเช้าสวยมาก");
    root.querySelector("form")!.requestSubmit();
    await settle();
    expect(root.querySelector('[role="status"]')?.textContent).toContain("ตั้งรหัสผ่านแล้ว");
    expect(root.querySelector('[role="status"] a')?.getAttribute("href")).toBe("/admin/");
  });
});
