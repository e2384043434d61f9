import type { RouterOutputs } from "@ita/api";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { invalidate } from "$app/navigation";
import { session } from "#lib/session.svelte.ts";
import { buttonNamed, choose, render, settle, textOf, type } from "../../test/render.ts";
import { load, SYSTEM_ROLES_DATA } from "./+page.ts";
import SystemRolesPage from "./+page.svelte";

const api = vi.hoisted(() => ({ list: vi.fn(), grantCoordinator: vi.fn() }));
vi.mock("#lib/api.ts", () => ({
  api: {
    systemRoles: {
      list: { query: api.list },
      grantCoordinator: { mutate: api.grantCoordinator },
    },
  },
}));

// Typed as the API answers, so a field the page reads cannot be missing here.
const person = (userId: string, email: string) => ({
  userId,
  email,
  displayName: userId,
  twoFactorEnabled: false,
});
const roles: RouterOutputs["systemRoles"]["list"] = {
  provinces: [
    { id: "p-lopburi", nameTh: "ลพบุรี", nameEn: "Lopburi", coordinators: [] },
    {
      id: "p-lamphun",
      nameTh: "ลำพูน",
      nameEn: "Lamphun",
      coordinators: [person("u-c", "c@example.go.th")],
    },
  ],
  systemAdmins: [person("u-admin", "admin@example.go.th")],
};
type Data = Awaited<ReturnType<typeof load>> & object;

describe("system roles load", () => {
  it("loads the roles under a name that grants and revokes invalidate", async () => {
    api.list.mockResolvedValue(roles);
    const depends = vi.fn();
    expect(await load({ depends } as never)).toEqual({ roles, loadError: null });
    expect(depends).toHaveBeenCalledWith(SYSTEM_ROLES_DATA);
  });

  it("returns the API's refusal as the page's error", async () => {
    api.list.mockRejectedValue({ data: { messageTh: "เฉพาะผู้ดูแลระบบ" } });
    expect(await load({ depends: vi.fn() } as never)).toEqual({
      roles: null,
      loadError: "เฉพาะผู้ดูแลระบบ",
    });
  });
});

describe("system roles page", () => {
  beforeEach(() => {
    session.me = { id: "u-admin", isSystemAdmin: true, roles: [] } as never;
  });
  const page = (data: Data = { roles, loadError: null }) =>
    render(SystemRolesPage, { data, params: {} });
  const coordinatorForm = (root: HTMLElement) =>
    root.querySelector<HTMLFormElement>("#coord-email")!.closest("form")!;

  it("lists coordinated provinces and marks oneself among the administrators", () => {
    const root = page();
    const rows = [...root.querySelectorAll("[data-testid=coordinators] tbody tr")];
    expect(rows.map((r) => textOf(r.querySelector("th")))).toEqual(["ลำพูน"]);
    expect(textOf(root.querySelector("[data-testid=system-admins]"))).toContain("(คุณ)");
  });

  it("names each revoke button with its person (and province), a space after the visible label", () => {
    const root = page();
    expect(buttonNamed(root, "ถอนบทบาท u-c · ลำพูน")).toBeTruthy();
    expect(buttonNamed(root, "ถอนสิทธิ์ผู้ดูแลระบบ u-admin")).toBeTruthy();
  });

  it("a grant says what was done and loads the roles again", async () => {
    api.grantCoordinator.mockResolvedValueOnce({});
    const root = page();
    type(root.querySelector("#coord-email"), "new@example.go.th");
    choose(root.querySelector("#coord-province"), "p-lopburi");
    coordinatorForm(root).requestSubmit();
    await settle();
    expect(api.grantCoordinator).toHaveBeenLastCalledWith({
      email: "new@example.go.th",
      provinceId: "p-lopburi",
    });
    expect(textOf(root.querySelector('[role="status"]'))).toBe(
      "ให้ new@example.go.th เป็นผู้ประสานงานจังหวัดลพบุรีแล้ว",
    );
    expect(invalidate).toHaveBeenLastCalledWith(SYSTEM_ROLES_DATA);
  });

  it("a refused grant is said beside the e-mail, and nothing loads again", async () => {
    vi.mocked(invalidate).mockClear();
    api.grantCoordinator.mockRejectedValueOnce({
      data: { messageTh: "ข้อมูลไม่ถูกต้อง", fieldErrors: { email: ["ไม่พบบัญชีที่ใช้อีเมลนี้"] } },
    });
    const root = page();
    type(root.querySelector("#coord-email"), "nobody@example.go.th");
    coordinatorForm(root).requestSubmit();
    await settle();
    expect(textOf(root.querySelector("#coord-email-error"))).toBe("ไม่พบบัญชีที่ใช้อีเมลนี้");
    expect(invalidate).not.toHaveBeenCalled();
  });

  it("the load's refusal is said, and only system administrators see the page", () => {
    const refused = page({ roles: null, loadError: "ไม่มีสิทธิ์" });
    expect(textOf(refused.querySelector('[role="alert"]'))).toBe("ไม่มีสิทธิ์");
    expect(refused.querySelector("#coord-email")).toBeNull();
    document.body.innerHTML = "";
    session.me = { id: "u-clerk", isSystemAdmin: false, roles: [] } as never;
    expect(textOf(page().querySelector('[role="alert"]'))).toBe("เฉพาะผู้ดูแลระบบ");
  });
});
