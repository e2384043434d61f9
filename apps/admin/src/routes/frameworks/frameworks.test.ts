import type { RouterOutputs } from "@ita/api";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { goto } from "$app/navigation";
import { session } from "#lib/session.svelte.ts";
import { choose, press, render, settle, textOf, type } from "../../test/render.ts";
import { load } from "./+page.ts";
import FrameworksPage from "./+page.svelte";

const api = vi.hoisted(() => ({ manage: vi.fn(), copy: vi.fn() }));
vi.mock("#lib/api.ts", () => ({
  api: { framework: { manage: { query: api.manage }, copy: { mutate: api.copy } } },
}));

// Typed as the API answers, so a field the page reads cannot be missing here.
const row = (
  key: string,
  fiscalYear: number,
  current: boolean,
): RouterOutputs["framework"]["manage"][number] => ({
  id: `fw-${key}`,
  key,
  version: 1,
  fiscalYear,
  agencyTypes: ["sao"],
  titleTh: `เกณฑ์ ${fiscalYear}`,
  titleEn: `Framework ${fiscalYear}`,
  gradingScheme: "letter-2566",
  supersededAt: null,
  editedAt: null,
  itemCount: 43,
  current,
  inUse: false,
});
const event = (href: string) => ({ url: new URL(href, "http://localhost") }) as never;
type Data = Awaited<ReturnType<typeof load>> & object;

describe("frameworks load", () => {
  it("reads the year and agency type from the URL, and ignores a type that is not one", async () => {
    api.manage.mockResolvedValue([]);
    const data = (await load(event("/admin/frameworks?fy=2567&type=sao"))) as Data;
    expect(api.manage).toHaveBeenLastCalledWith({ fiscalYear: 2567, agencyType: "sao" });
    expect(data.filters).toEqual({ fiscalYear: "2567", agencyType: "sao" });
    await load(event("/admin/frameworks?type=castle"));
    expect(api.manage).toHaveBeenLastCalledWith({});
  });

  it("returns the API's refusal as the page's error", async () => {
    api.manage.mockRejectedValue({ data: { messageTh: "เฉพาะผู้ดูแลระบบ" } });
    const data = (await load(event("/admin/frameworks"))) as Data;
    expect(data).toMatchObject({ rows: [], loadError: "เฉพาะผู้ดูแลระบบ" });
  });
});

describe("frameworks page", () => {
  beforeEach(() => {
    session.me = { id: "u-admin", isSystemAdmin: true, roles: [] } as never;
  });
  const page = (data: Partial<Data>) =>
    render(FrameworksPage, {
      data: { filters: { fiscalYear: "", agencyType: "" }, rows: [], loadError: null, ...data },
      params: {},
    });

  it("a search is a link: only the filled filters go into the URL", () => {
    const root = page({});
    root.querySelector("form")!.requestSubmit();
    expect(goto).toHaveBeenLastCalledWith("/admin/frameworks", { reset: false });
    type(root.querySelector("#fw-year"), "2567");
    choose(root.querySelector("#fw-type"), "pao");
    root.querySelector("form")!.requestSubmit();
    expect(goto).toHaveBeenLastCalledWith("/admin/frameworks?fy=2567&type=pao", { reset: false });
  });

  it("shows the filters from the URL, and offers a copy of current frameworks only", () => {
    const root = page({
      filters: { fiscalYear: "2566", agencyType: "sao" },
      rows: [row("ita-2566", 2566, true), row("ita-2566-old", 2566, false)],
    });
    expect(root.querySelector<HTMLInputElement>("#fw-year")!.value).toBe("2566");
    expect(root.querySelector<HTMLSelectElement>("#fw-type")!.value).toBe("sao");
    const rows = [...root.querySelectorAll("tbody tr")];
    expect(rows.map((r) => r.querySelectorAll("button").length)).toEqual([1, 0]);
    expect(textOf(rows[1]!.querySelectorAll("td")[4])).toBe("ถูกแทนที่แล้ว");
  });

  it("a copy opens the new framework; a refused copy is said above the list", async () => {
    api.copy.mockResolvedValueOnce({ frameworkId: "fw-2567" });
    const root = page({ rows: [row("ita-2566", 2566, true)] });
    press(root, "คัดลอกเป็นปีถัดไป ita-2566");
    await settle();
    expect(goto).toHaveBeenLastCalledWith("/admin/frameworks/fw-2567");
    api.copy.mockRejectedValueOnce({ data: { messageTh: "มีเกณฑ์ปี 2567 แล้ว" } });
    press(root, "คัดลอกเป็นปีถัดไป ita-2566");
    await settle();
    expect(textOf(root.querySelector('[role="alert"]'))).toBe("มีเกณฑ์ปี 2567 แล้ว");
  });

  it("the load's refusal is said, and only system administrators see the page", () => {
    expect(textOf(page({ loadError: "ไม่มีสิทธิ์" }).querySelector('[role="alert"]'))).toBe("ไม่มีสิทธิ์");
    document.body.innerHTML = "";
    session.me = { id: "u-clerk", isSystemAdmin: false, roles: [] } as never;
    const root = page({ loadError: "ไม่มีสิทธิ์" });
    expect(textOf(root.querySelector('[role="alert"]'))).toBe("เฉพาะผู้ดูแลระบบ");
    expect(root.querySelector("table")).toBeNull();
  });
});
