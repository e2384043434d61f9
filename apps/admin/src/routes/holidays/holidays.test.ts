import type { RouterOutputs } from "@ita/api";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { invalidate } from "$app/navigation";
import { session } from "#lib/session.svelte.ts";
import { press, render, settle, textOf, type } from "../../test/render.ts";
import { HOLIDAYS_DATA, load } from "./+page.ts";
import HolidaysPage from "./+page.svelte";

const api = vi.hoisted(() => ({ list: vi.fn(), save: vi.fn(), remove: vi.fn() }));
vi.mock("#lib/api.ts", () => ({
  api: {
    holidays: {
      list: { query: api.list },
      save: { mutate: api.save },
      remove: { mutate: api.remove },
    },
  },
}));

const holidays: RouterOutputs["holidays"]["list"] = [
  { date: "2026-04-13", nameTh: "วันสงกรานต์", nameEn: "Songkran Festival" },
  { date: "2026-04-14", nameTh: "วันสงกรานต์", nameEn: null },
];

describe("public holidays", () => {
  beforeEach(() => {
    session.me = { id: "u-admin", isSystemAdmin: true, roles: [] } as never;
    vi.mocked(invalidate).mockClear();
  });
  const page = () =>
    render(HolidaysPage, { data: { year: 2026, holidays, loadError: null }, params: {} });

  it("loads the year of ?year= under a name that changes invalidate", async () => {
    api.list.mockResolvedValue(holidays);
    const depends = vi.fn();
    const url = new URL("http://localhost/admin/holidays?year=2026");
    expect(await load({ depends, url } as never)).toEqual({
      year: 2026,
      holidays,
      loadError: null,
    });
    expect(api.list).toHaveBeenLastCalledWith({ year: 2026 });
    expect(depends).toHaveBeenCalledWith(HOLIDAYS_DATA);
  });

  it("lists the year's holidays with Buddhist-Era dates", () => {
    const root = page();
    expect(textOf(root.querySelector("h1"))).toBe("วันหยุดราชการ พ.ศ. 2569");
    const rows = [...root.querySelectorAll("[data-testid=holidays] tbody tr")];
    expect(rows.map((r) => textOf(r.querySelector("th")))).toEqual([
      "13 เมษายน 2569",
      "14 เมษายน 2569",
    ]);
  });

  it("a refused date is said beside its field, and nothing loads again", async () => {
    api.save.mockRejectedValueOnce({
      data: { messageTh: "ข้อมูลไม่ถูกต้อง", fieldErrors: { date: ["วันที่ไม่ถูกต้อง"] } },
    });
    const root = page();
    type(root.querySelector("#holiday-date"), "2569-02-30");
    type(root.querySelector("#holiday-name-th"), "วันทดสอบ");
    root.querySelector<HTMLInputElement>("#holiday-date")!.closest("form")!.requestSubmit();
    await settle();
    expect(textOf(root.querySelector("#holiday-date-error"))).toBe("วันที่ไม่ถูกต้อง");
    // The field says it; the form does not say it twice.
    expect(root.querySelector("[data-testid=holiday-add-error]")).toBeNull();
    expect(invalidate).not.toHaveBeenCalled();
  });

  it("a refusal about no field is said under the add form", async () => {
    api.save.mockRejectedValueOnce({
      data: {
        code: "FORBIDDEN",
        messageTh: "เฉพาะผู้ดูแลระบบ",
        messageEn: "System administrators only",
      },
    });
    const root = page();
    type(root.querySelector("#holiday-date"), "2569-04-15");
    type(root.querySelector("#holiday-name-th"), "วันสงกรานต์");
    const form = root.querySelector<HTMLInputElement>("#holiday-date")!.closest("form")!;
    form.requestSubmit();
    await settle();
    const alert = form.querySelector('[role="alert"]');
    expect(textOf(alert)).toBe("เฉพาะผู้ดูแลระบบ");
    // Beside the submit button, where the person who pressed it looks.
    expect(alert?.nextElementSibling?.getAttribute("type")).toBe("submit");
    expect(invalidate).not.toHaveBeenCalled();
  });

  it("removing a holiday says so and loads the year again", async () => {
    api.remove.mockResolvedValueOnce({ date: "2026-04-14" });
    const root = page();
    press(root, "ลบ 14 เมษายน 2569");
    await settle();
    expect(api.remove).toHaveBeenLastCalledWith({ date: "2026-04-14" });
    expect(textOf(root.querySelector('[role="status"]'))).toBe("ลบวันหยุด 14 เมษายน 2569 แล้ว");
    expect(invalidate).toHaveBeenLastCalledWith(HOLIDAYS_DATA);
  });
});
