import { describe, expect, it, vi } from "vitest";
import { press, render, settle, textOf, type } from "../../../test/render.ts";
import RoundForm, { type RoundValues } from "./RoundForm.svelte";

const items = [
  { code: "O10", titleTh: "แผนดำเนินงานประจำปี", titleEn: "Annual operating plan" },
  { code: "O12", titleTh: "รายงานผลการดำเนินงาน", titleEn: "Performance report" },
];

const form = (
  props: Partial<{
    holidays: string[];
    failure: { message: string; fieldErrors: Record<string, string[]>; code: string | null };
    onsave: (v: RoundValues) => void;
  }> = {},
) =>
  render(RoundForm, {
    key: "new",
    initial: { number: 3, titleTh: "ครั้งที่ 3", deadline: "", itemCodes: [] },
    items,
    takenBy: new Map([["O12", 1]]),
    holidays: props.holidays ?? [],
    failure: props.failure ?? null,
    onsave: props.onsave ?? vi.fn(),
  });

const field = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLInputElement>(`#round-new-${name}`);

/** Counts `days` working days from `from` with the form's helper. */
function count(root: HTMLElement, from: string, days: string) {
  type(field(root, "from"), from);
  type(field(root, "days"), days);
  press(root, "คำนวณกำหนดส่ง");
}

describe("RoundForm", () => {
  it("counts working days past the public holidays the API sent, and says so", () => {
    // From Friday 11 April 2025: Songkran (Mon 14 – Wed 16 April, the 13th a Sunday) is
    // not counted, so the 3rd working day is Monday 21 April, not Wednesday 16th.
    const root = form({ holidays: ["2025-04-13", "2025-04-14", "2025-04-15", "2025-04-16"] });
    count(root, "2025-04-11", "3");
    expect(field(root, "deadline")?.value).toBe("2025-04-21");
    const status = textOf(root.querySelector('[role="status"]'));
    expect(status).toContain("เสนอกำหนดส่ง 21 เม.ย. 2568");
    expect(status).toContain("ไม่นับวันหยุดราชการ 3 วัน");
    expect(status).not.toContain("ยังไม่มีวันหยุดราชการ");
  });

  it("without holidays for the year, counts weekends only and says the year has none", () => {
    const root = form({ holidays: ["2026-01-01"] });
    count(root, "2025-04-11", "3");
    expect(field(root, "deadline")?.value).toBe("2025-04-16");
    expect(textOf(root.querySelector('[role="status"]'))).toContain(
      "ยังไม่มีวันหยุดราชการของปี 2568 ในระบบ",
    );
  });

  it("saves the deadline the coordinator chose, not the one proposed", async () => {
    const onsave = vi.fn();
    const root = form({ holidays: [], onsave });
    count(root, "2025-04-11", "3");
    type(field(root, "deadline"), "2025-04-30");
    type(field(root, "title"), "ครั้งที่ 3 (ทดสอบ)");
    root.querySelector<HTMLInputElement>("#round-new-item-O10")!.click();
    root.querySelector("form")!.requestSubmit();
    await settle();
    expect(onsave).toHaveBeenCalledWith({
      number: 3,
      titleTh: "ครั้งที่ 3 (ทดสอบ)",
      deadline: "2025-04-30",
      itemCodes: ["O10"],
    });
  });

  it("says beside the days field what is missing, and proposes nothing", () => {
    const root = form();
    count(root, "", "3");
    const days = field(root, "days")!;
    expect(days.getAttribute("aria-invalid")).toBe("true");
    expect(textOf(root.querySelector("#round-new-days-error"))).toContain(
      "กรุณาเลือกวันเริ่มนับและจำนวนวันทำการ",
    );
    expect(field(root, "deadline")?.value).toBe("");
    expect(textOf(root.querySelector('[role="status"]'))).toBe("");
  });

  it("shows the server's messages beside their own fields, as the other forms do", () => {
    const root = form({
      failure: {
        message: "ข้อมูลไม่ถูกต้อง",
        code: "BAD_REQUEST",
        fieldErrors: {
          number: ["มีรอบที่ 3 อยู่แล้ว"],
          deadline: ["กำหนดส่งต้องอยู่ในปีงบประมาณ 2568"],
          itemCodes: ["กรุณาเลือกอย่างน้อยหนึ่งข้อ"],
        },
      },
    });
    for (const [name, message] of [
      ["number", "มีรอบที่ 3 อยู่แล้ว"],
      ["deadline", "กำหนดส่งต้องอยู่ในปีงบประมาณ 2568"],
    ] as const) {
      const input = field(root, name)!;
      expect(input.getAttribute("aria-invalid"), name).toBe("true");
      expect(input.getAttribute("aria-describedby"), name).toBe(`round-new-${name}-error`);
      expect(textOf(root.querySelector(`#round-new-${name}-error`))).toBe(message);
      // Beside its control: in the same field wrapper, labelled for it.
      expect(input.parentElement?.querySelector(`label[for="round-new-${name}"]`)).not.toBeNull();
      expect(input.parentElement?.querySelector(`#round-new-${name}-error`)).not.toBeNull();
    }
    expect(field(root, "title")?.getAttribute("aria-invalid")).toBe("false");
    expect(textOf(root.querySelector("#round-new-items-error"))).toBe("กรุณาเลือกอย่างน้อยหนึ่งข้อ");
    // An item another round checks cannot be chosen here.
    expect(root.querySelector<HTMLInputElement>("#round-new-item-O12")?.disabled).toBe(true);
  });
});
