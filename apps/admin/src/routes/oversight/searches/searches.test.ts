import type { RouterOutputs } from "@ita/api";
import { describe, expect, it, vi } from "vitest";
import { press, render, settle, textOf } from "../../../test/render.ts";
import { load } from "./+page.ts";
import SearchesPage from "./+page.svelte";

const api = vi.hoisted(() => ({ provinces: vi.fn(), siteSearches: vi.fn(), exportXlsx: vi.fn() }));
vi.mock("#lib/api.ts", () => ({
  api: {
    oversight: { provinces: { query: api.provinces } },
    accessStats: {
      siteSearches: { query: api.siteSearches },
      exportSiteSearchesXlsx: { query: api.exportXlsx },
    },
  },
}));
const saved = vi.hoisted(() => vi.fn());
vi.mock("#lib/download.ts", () => ({ saveFile: saved, base64Bytes: () => new Uint8Array() }));

// Typed as the API answers, so a field the page reads cannot be missing here.
const searches: RouterOutputs["accessStats"]["siteSearches"] = {
  fiscalYear: 2568,
  quarters: [
    { quarter: 1, search: 2500 },
    { quarter: 2, search: 1 },
    { quarter: 3, search: 0 },
    { quarter: 4, search: 0 },
  ],
};
const url = (query = "") => new URL(`http://localhost/admin/oversight/searches${query}`);

describe("the site-wide searches page", () => {
  it("load: asks for the year's figures through the first province the reader oversees", async () => {
    api.provinces.mockResolvedValue([{ id: "p-1" }, { id: "p-2" }]);
    api.siteSearches.mockResolvedValue(searches);
    const data = await load({ url: url("?fy=2568") } as never);
    expect(api.siteSearches).toHaveBeenCalledWith({ provinceId: "p-1", fiscalYear: 2568 });
    expect(data).toMatchObject({ searches, provinceId: "p-1", loadError: null });
  });

  it("load: a reader overseeing no province asks for nothing and is told why", async () => {
    api.provinces.mockResolvedValue([]);
    api.siteSearches.mockClear();
    const data = await load({ url: url() } as never);
    expect(api.siteSearches).not.toHaveBeenCalled();
    const root = render(SearchesPage, { data, params: {} });
    expect(root.querySelector("table")).toBeNull();
    expect(textOf(root.querySelector(".notice"))).toContain("ผู้ประสานงานจังหวัดและผู้ดูแลระบบ");
  });

  it("shows each quarter, a CSV of the same figures and the server's workbook", async () => {
    const root = render(SearchesPage, {
      data: { searches, provinceId: "p-1", fiscalYear: 2568, loadError: null },
      params: {},
    });
    const rows = [...root.querySelectorAll("[data-testid=site-searches] tbody tr")].map((tr) =>
      [...tr.children].map(textOf),
    );
    expect(rows).toEqual([
      ["ไตรมาส 1", "2,500"],
      ["ไตรมาส 2", "1"],
      ["ไตรมาส 3", "0"],
      ["ไตรมาส 4", "0"],
    ]);
    const csv = root.querySelector<HTMLAnchorElement>("a[download]")!;
    expect(csv.getAttribute("download")).toBe("site-searches-2568.csv");
    expect(decodeURIComponent(csv.href.split(",").slice(1).join(","))).toBe(
      "\uFEFFfiscal_year,quarter,searches\r\n2568,1,2500\r\n2568,2,1\r\n2568,3,0\r\n2568,4,0\r\n",
    );
    api.exportXlsx.mockResolvedValue({
      fileName: "site-searches-2568.xlsx",
      contentType: "application/xlsx",
      base64: "",
    });
    press(root, "ดาวน์โหลด Excel (XLSX)");
    await settle();
    expect(api.exportXlsx).toHaveBeenCalledWith({ provinceId: "p-1", fiscalYear: 2568 });
    expect(saved.mock.calls[0]?.[0]).toBe("site-searches-2568.xlsx");
  });

  it("a refused download is said beside the button", async () => {
    api.exportXlsx.mockRejectedValue({ data: { messageTh: "ไม่มีสิทธิ์" } });
    const root = render(SearchesPage, {
      data: { searches, provinceId: "p-1", fiscalYear: 2568, loadError: null },
      params: {},
    });
    press(root, "ดาวน์โหลด Excel (XLSX)");
    await settle();
    expect(textOf(root.querySelector("#xlsx-error"))).toBe("ไม่มีสิทธิ์");
  });
});
