import type { RouterOutputs } from "@ita/api";
import { describe, expect, it, vi } from "vitest";
import { goto, invalidate } from "$app/navigation";
import { press, render, settle, textOf, type } from "../../../test/render.ts";
import { FRAMEWORK_DATA, load } from "./+page.ts";
import FrameworkPage from "./+page.svelte";

const api = vi.hoisted(() => ({ get: vi.fn(), update: vi.fn(), saveItem: vi.fn() }));
vi.mock("#lib/api.ts", () => ({
  api: {
    framework: {
      get: { query: api.get },
      update: { mutate: api.update },
      saveItem: { mutate: api.saveItem },
    },
  },
}));

// Typed as the API answers, so a field the page reads cannot be missing here.
const view = (titleTh: string, inUse = false): RouterOutputs["framework"]["get"] => ({
  framework: {
    id: "fw-1",
    key: "ita-2567",
    version: 1,
    fiscalYear: 2567,
    agencyTypes: ["sao"],
    titleTh,
    titleEn: "ITA 2567",
    gradingScheme: "letter-2566",
    previousVersionId: null,
    supersededAt: null,
    editedAt: null,
    editedBy: null,
    createdAt: new Date("2024-10-01T03:00:00Z"),
    current: true,
  },
  items: [
    {
      id: "i-1",
      frameworkId: "fw-1",
      code: "O1",
      titleTh: "โครงสร้าง",
      titleEn: "Structure",
      guidanceTh: "",
      guidanceEn: "",
      categories: [1],
      indicator: 9,
      cadence: "once",
      evidence: ["document"],
      tag: null,
      sortOrder: 1,
    },
  ],
  inUse,
  versions: [],
});
type Data = Awaited<ReturnType<typeof load>> & object;

describe("framework load", () => {
  it("loads the framework under a name that its changes invalidate", async () => {
    api.get.mockResolvedValue(view("เกณฑ์ 2567"));
    const depends = vi.fn();
    const data = (await load({ params: { frameworkId: "fw-1" }, depends } as never)) as Data;
    expect(api.get).toHaveBeenLastCalledWith({ frameworkId: "fw-1" });
    expect(depends).toHaveBeenCalledWith(FRAMEWORK_DATA);
    expect(data.framework?.items).toHaveLength(1);
  });

  it("returns the API's refusal as the page's error", async () => {
    api.get.mockRejectedValue({ data: { messageTh: "ไม่พบเกณฑ์นี้" } });
    const data = (await load({ params: { frameworkId: "x" }, depends: vi.fn() } as never)) as Data;
    expect(data).toEqual({ framework: null, loadError: "ไม่พบเกณฑ์นี้" });
  });
});

describe("framework page", () => {
  const page = (data: Data) => render(FrameworkPage, { data, params: { frameworkId: "fw-1" } });

  it("says the load's refusal", () => {
    const root = page({ framework: null, loadError: "ไม่พบเกณฑ์นี้" });
    expect(textOf(root.querySelector('[role="alert"]'))).toBe("ไม่พบเกณฑ์นี้");
  });

  it("a change that keeps the framework reloads it; one that made a new version opens that", async () => {
    const root = page({ framework: view("เกณฑ์ 2567"), loadError: null });
    const title = root.querySelector<HTMLInputElement>("#fw-title-th")!;
    expect(title.value).toBe("เกณฑ์ 2567");
    type(title, "เกณฑ์ 2567 (ปรับปรุง)");
    api.update.mockResolvedValueOnce({ frameworkId: "fw-1", version: 1, versioned: false });
    root.querySelector<HTMLFormElement>('form[aria-labelledby="fw-header"]')!.requestSubmit();
    await settle();
    expect(api.update).toHaveBeenLastCalledWith(
      expect.objectContaining({ frameworkId: "fw-1", titleTh: "เกณฑ์ 2567 (ปรับปรุง)" }),
    );
    expect(invalidate).toHaveBeenLastCalledWith(FRAMEWORK_DATA);
    expect(textOf(root.querySelector('[role="status"]'))).toBe("บันทึกแล้ว");

    vi.mocked(invalidate).mockClear();
    press(root, "แก้ไข O1");
    api.saveItem.mockResolvedValueOnce({ frameworkId: "fw-2", version: 2, versioned: true });
    root.querySelector<HTMLFormElement>('form[aria-labelledby="item-form"]')!.requestSubmit();
    await settle();
    expect(goto).toHaveBeenLastCalledWith("/admin/frameworks/fw-2");
    expect(invalidate).not.toHaveBeenCalled();
    expect(textOf(root.querySelector('[role="status"]'))).toContain("บันทึกแล้วเป็นฉบับที่ 2");
  });
});
