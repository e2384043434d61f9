import type { RouterOutputs } from "@ita/api";
import { describe, expect, it, vi } from "vitest";
import { press, render, settle, textOf, type } from "../../../../../test/render.ts";
import { load } from "./+page.ts";
import MeasuresPage from "./+page.svelte";
import MeasureForm, { type MeasureValues } from "./MeasureForm.svelte";

const api = vi.hoisted(() => ({
  year: vi.fn(),
  createDraft: vi.fn(),
  updateProgress: vi.fn(),
  removeProgress: vi.fn(),
}));
vi.mock("#lib/api.ts", () => ({
  api: {
    measures: {
      year: { query: api.year },
      createDraft: { mutate: api.createDraft },
      updateProgress: { mutate: api.updateProgress },
      removeProgress: { mutate: api.removeProgress },
    },
  },
}));

const values = (overrides: Partial<MeasureValues> = {}): MeasureValues => ({
  source: "question",
  code: "I10",
  score: "71.77",
  finding: "ยืมทรัพย์สินไม่ถูกขั้นตอน",
  measureTitle: "คู่มือการยืมทรัพย์สิน",
  steps: [{ text: "จัดทำคู่มือ" }],
  startDate: "2024-10-01",
  endDate: "2025-09-30",
  responsibleUnit: "สำนักปลัด",
  monitoring: "รายงานทุกไตรมาส",
  ...overrides,
});

// Typed as the API answers, so a field the page reads cannot be missing here.
const year = (canEdit: boolean): RouterOutputs["measures"]["year"] => ({
  agency: { id: "a-1", slug: "lamphun", nameTh: "จังหวัดลำพูน", nameEn: "Lamphun Province" },
  fiscalYear: 2568,
  canEdit,
  threshold: 85,
  result: {
    fiscalYear: 2567,
    total: 94.25,
    grade: { code: "good", labelTh: "ผ่านดี", labelEn: "Good", passed: true },
    indicators: null,
    proposed: 2,
  },
  measures: [
    {
      id: "m-1",
      agencyId: "a-1",
      fiscalYear: 2568,
      ...values(),
      score: 71.77,
      steps: ["จัดทำคู่มือ"],
      sortOrder: 0,
      createdBy: null,
      createdAt: new Date("2024-10-01T03:00:00Z"),
      updatedAt: new Date("2024-10-01T03:00:00Z"),
      progress: [{ id: "p-1", date: "2025-02-28", status: "done", text: "เผยแพร่คู่มือแล้ว" }],
    },
  ],
  items: [
    {
      tag: "measures",
      item: { code: "O42", titleTh: "มาตรการ", titleEn: "Measures" },
      entry: null,
    },
    { tag: "measures-implementation", item: null, entry: null },
  ],
});

describe("the measure form", () => {
  it("sends the steps as typed and shows the BE date beside each date field", async () => {
    const onsave = vi.fn(async (_values: MeasureValues) => {});
    const root = render(MeasureForm, {
      idPrefix: "new",
      initial: values(),
      submitLabel: "บันทึก",
      onsave,
    });
    expect(textOf(root.querySelector("#new-startDate-hint"))).toBe("1 ตุลาคม 2567");
    type(root.querySelector<HTMLInputElement>("#new-steps-text-0"), "จัดทำคู่มือฉบับใหม่");
    root.querySelector("form")!.requestSubmit();
    await settle();
    expect(onsave.mock.calls[0]![0]).toMatchObject({ steps: [{ text: "จัดทำคู่มือฉบับใหม่" }] });
  });

  it("puts each refused field's message next to it and marks it invalid", async () => {
    const refusal = {
      data: {
        messageTh: "ข้อมูลไม่ถูกต้อง",
        fieldErrors: {
          code: ["ข้อคำถามต้องเป็นรูปแบบเช่น I10 หรือ E4"],
          endDate: ["วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น"],
        },
      },
    };
    const root = render(MeasureForm, {
      idPrefix: "new",
      initial: values({ code: "X" }),
      submitLabel: "บันทึก",
      onsave: vi.fn(async () => Promise.reject(refusal)),
    });
    root.querySelector("form")!.requestSubmit();
    await settle();
    expect(textOf(root.querySelector("#new-code-error"))).toContain("I10 หรือ E4");
    expect(root.querySelector("#new-code")?.getAttribute("aria-invalid")).toBe("true");
    expect(textOf(root.querySelector("#new-endDate-error"))).toBe("วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น");
  });
});

describe("the measures page", () => {
  const page = (canEdit: boolean) =>
    render(MeasuresPage, {
      data: { year: year(canEdit), fiscalYear: 2568, loadError: null },
      params: { agencyId: "a-1", fy: "2568" },
    });

  it("a reader sees the measures and progress without any control to change them", () => {
    const root = page(false);
    expect(textOf(root.querySelector("h3"))).toContain("ประเด็นที่ 1: ข้อ I10");
    expect(root.textContent).toContain("ดำเนินการแล้วเสร็จ");
    expect(root.querySelectorAll("button")).toHaveLength(0);
  });

  it("an editor makes the draft of the year's item; an item not in the framework is said so", async () => {
    api.createDraft.mockResolvedValue({ entryId: "e-1", itemCode: "O42", created: true });
    api.year.mockResolvedValue(year(true));
    const root = page(true);
    expect(root.textContent).toContain("เกณฑ์ปีนี้ไม่มีข้อนี้");
    const make = [...root.querySelectorAll("button")].find((b) =>
      b.textContent?.startsWith("จัดทำฉบับร่าง"),
    )!;
    make.click();
    await settle();
    expect(api.createDraft).toHaveBeenCalledWith({
      agencyId: "a-1",
      fiscalYear: 2568,
      part: "measures",
    });
    expect(textOf(root.querySelector('[role="status"]'))).toContain("จัดทำฉบับร่างแล้ว");
  });

  it("an editor corrects a progress update in place; the server's refusal shows beside the field", async () => {
    const root = page(true);
    press(root, "แก้ไข รายงานวันที่ 28 กุมภาพันธ์ 2568");
    const text = root.querySelector<HTMLTextAreaElement>("#progress-1-1-text")!;
    expect(text.value).toBe("เผยแพร่คู่มือแล้ว");
    api.updateProgress.mockRejectedValueOnce({
      data: { messageTh: "ข้อมูลไม่ถูกต้อง", fieldErrors: { text: ["กรุณากรอกผลการดำเนินการ"] } },
    });
    type(text, " ");
    root.querySelector<HTMLFormElement>("#progress-1-1-text")!.form!.requestSubmit();
    await settle();
    expect(textOf(root.querySelector("#progress-1-1-text-error"))).toBe("กรุณากรอกผลการดำเนินการ");
    api.updateProgress.mockResolvedValueOnce({});
    type(text, "เผยแพร่คู่มือและแจ้งเวียนแล้ว");
    text.form!.requestSubmit();
    await settle();
    expect(api.updateProgress).toHaveBeenLastCalledWith({
      progressId: "p-1",
      date: "2025-02-28",
      status: "done",
      text: "เผยแพร่คู่มือและแจ้งเวียนแล้ว",
    });
    expect(root.querySelector("#progress-1-1-text")).toBeNull();
  });

  it("an editor removes a progress update once they confirm", async () => {
    const root = page(true);
    // happy-dom has no confirm(): the page's question is answered no, then yes.
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal("confirm", confirm);
    api.removeProgress.mockResolvedValue({ ok: true });
    press(root, "ลบ รายงานวันที่ 28 กุมภาพันธ์ 2568");
    await settle();
    expect(api.removeProgress).not.toHaveBeenCalled();
    press(root, "ลบ รายงานวันที่ 28 กุมภาพันธ์ 2568");
    await settle();
    expect(api.removeProgress).toHaveBeenCalledWith({ progressId: "p-1" });
    expect(confirm.mock.calls[0]![0]).toBe("ลบรายงานความก้าวหน้าวันที่ 28 กุมภาพันธ์ 2568?");
    vi.unstubAllGlobals();
  });

  it("a refused draft is said beside that part's button, and the next try clears it", async () => {
    const root = page(true);
    api.createDraft.mockRejectedValueOnce({
      data: { messageTh: "ไม่มีสิทธิ์จัดทำฉบับร่าง", domainCode: "FORBIDDEN" },
    });
    press(root, "จัดทำฉบับร่าง: มาตรการส่งเสริมคุณธรรมและความโปร่งใส");
    await settle();
    const error = root.querySelector("#draft-measures-error");
    expect(textOf(error)).toBe("ไม่มีสิทธิ์จัดทำฉบับร่าง");
    expect(root.querySelector('[aria-describedby="draft-measures-error"]')).not.toBeNull();
    // Said once, beside the button: not again above the weak points.
    expect(root.querySelector('[aria-labelledby="measures-heading"] [role="alert"]')).toBeNull();
    api.createDraft.mockResolvedValueOnce({ entryId: "e-1", itemCode: "O42", created: true });
    api.year.mockResolvedValue(year(true));
    press(root, "จัดทำฉบับร่าง: มาตรการส่งเสริมคุณธรรมและความโปร่งใส");
    await settle();
    expect(root.querySelector("#draft-measures-error")).toBeNull();
    expect(textOf(root.querySelector('[role="status"]'))).toContain("จัดทำฉบับร่างแล้ว");
  });

  it("a refused removal is said above the weak points", async () => {
    const root = page(true);
    vi.stubGlobal("confirm", vi.fn().mockReturnValue(true));
    api.removeProgress.mockRejectedValueOnce({ data: { messageTh: "รายการนี้ถูกล็อกแล้ว" } });
    press(root, "ลบ รายงานวันที่ 28 กุมภาพันธ์ 2568");
    await settle();
    const alerts = [...root.querySelectorAll('[role="alert"]')];
    expect(alerts.map(textOf)).toEqual(["รายการนี้ถูกล็อกแล้ว"]);
    expect(alerts[0]!.closest("section")?.getAttribute("aria-labelledby")).toBe("measures-heading");
    vi.unstubAllGlobals();
  });

  it("load: returns the API's refusal as the page's error", async () => {
    api.year.mockRejectedValue({ data: { messageTh: "ไม่มีสิทธิ์เข้าถึงหน่วยงานนี้" } });
    const data = await load({
      params: { agencyId: "a-1", fy: "2568" },
      depends: () => {},
    } as never);
    expect(data).toMatchObject({ year: null, loadError: "ไม่มีสิทธิ์เข้าถึงหน่วยงานนี้" });
  });
});
