import { flushSync } from "svelte";
import { describe, expect, it, vi } from "vitest";
import { i18n } from "#lib/i18n.svelte.ts";
import { render, settle } from "../../../test/render.ts";
import EntryApproval from "./EntryApproval.svelte";
import EntryHistory from "./EntryHistory.svelte";

const buttons = (root: HTMLElement) =>
  [...root.querySelectorAll("button")].map((b) => b.textContent);

describe("EntryApproval", () => {
  it("offers exactly the actions the API allows, labelled from the domain", () => {
    const root = render(EntryApproval, {
      entryState: "submitted",
      actions: ["approve", "return"],
      isContributor: false,
      onact: vi.fn(),
    });
    expect(buttons(root)).toEqual(["อนุมัติและเผยแพร่", "ส่งกลับแก้ไข"]);
    expect(root.querySelector("#return-comment")).not.toBeNull();
    expect(root.querySelector("#unpublish-reason")).toBeNull();
  });

  it("tells the author of a submitted version that someone else must approve it", () => {
    const root = render(EntryApproval, {
      entryState: "submitted",
      actions: [],
      isContributor: true,
      onact: vi.fn(),
    });
    expect(root.querySelector('[data-testid="four-eyes"]')).not.toBeNull();
    expect(root.textContent).toContain("ไม่มีขั้นตอนที่คุณทำได้ในสถานะนี้");
  });

  it("sends the comment with a return, then clears it and says it is done", async () => {
    const onact = vi.fn(async () => {});
    const root = render(EntryApproval, {
      entryState: "submitted",
      actions: ["return"],
      isContributor: false,
      onact,
    });
    const comment = root.querySelector<HTMLTextAreaElement>("#return-comment")!;
    comment.value = "แนบไฟล์ผิด";
    comment.dispatchEvent(new Event("input"));
    root.querySelector("button")!.click();
    await settle();
    expect(onact).toHaveBeenCalledWith("return", {
      comment: "แนบไฟล์ผิด",
      reason: "",
      publishAt: null,
    });
    expect(root.querySelector('[role="status"]')?.textContent).toBe("ส่งกลับให้แก้ไขแล้ว");
    expect(comment.value).toBe("");
  });

  it("shows the API's message for the refused field and keeps what was typed", async () => {
    const refusal = {
      data: { messageTh: "ข้อมูลไม่ถูกต้อง", fieldErrors: { reason: ["กรุณาระบุเหตุผล"] } },
    };
    const root = render(EntryApproval, {
      entryState: "published",
      actions: ["unpublish"],
      isContributor: false,
      onact: vi.fn(async () => Promise.reject(refusal)),
    });
    root.querySelector("button")!.click();
    await settle();
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent?.trim()).toBe("กรุณาระบุเหตุผล");
    // Next to the reason it belongs to, which it describes and marks invalid.
    const reason = root.querySelector<HTMLTextAreaElement>("#unpublish-reason")!;
    expect(alert?.id).toBe("unpublish-reason-error");
    expect(reason.getAttribute("aria-describedby")).toBe("unpublish-reason-error");
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    expect(reason.closest("p")?.nextElementSibling).toBe(alert);
    expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);
    expect(root.querySelector('[role="status"]')).toBeNull();
  });

  it("says a refusal of no field beside the button that was pressed, in Thai or English", async () => {
    const refusal = {
      data: {
        messageTh: "ต้องมีเอกสารหรือลิงก์ก่อนส่งขออนุมัติ",
        messageEn: "Attach a document or a link before submitting.",
      },
    };
    for (const [lang, name, message] of [
      ["th", "ส่งขออนุมัติ", "ต้องมีเอกสารหรือลิงก์ก่อนส่งขออนุมัติ"],
      ["en", "Submit for approval", "Attach a document or a link before submitting."],
    ] as const) {
      i18n.lang = lang;
      const root = render(EntryApproval, {
        entryState: "draft",
        actions: ["submit"],
        isContributor: true,
        onact: vi.fn(async () => Promise.reject(refusal)),
      });
      const submit = [...root.querySelectorAll("button")].find((b) => b.textContent === name)!;
      submit.click();
      await settle();
      const alert = root.querySelector("#submit-error");
      expect(alert?.textContent?.trim()).toBe(message);
      expect(submit.nextElementSibling).toBe(alert);
      expect(submit.getAttribute("aria-describedby")).toBe("submit-error");
      root.remove();
    }
    i18n.lang = "th";
  });
});

describe("EntryApproval: taking a submission back (ถอนกลับ)", () => {
  const button = (root: HTMLElement, text: string) =>
    [...root.querySelectorAll("button")].find((b) => b.textContent?.includes(text))!;

  it("asks for confirmation before taking it back to draft, then says it is done", async () => {
    const onact = vi.fn(async () => {});
    const root = render(EntryApproval, {
      entryState: "submitted",
      actions: ["withdrawSubmission"],
      isContributor: true,
      onact,
    });
    expect(buttons(root)).toEqual(["ถอนกลับไปแก้ไข"]);
    button(root, "ถอนกลับไปแก้ไข").click();
    flushSync();
    expect(onact).not.toHaveBeenCalled();
    const dialog = root.querySelector('[data-testid="confirm-withdraw"]')!;
    expect(dialog.textContent).toContain("ออกจากรายการรออนุมัติ");
    // Cancelling does nothing.
    button(root, "ยกเลิก").click();
    flushSync();
    expect(root.querySelector('[data-testid="confirm-withdraw"]')).toBeNull();
    expect(onact).not.toHaveBeenCalled();

    button(root, "ถอนกลับไปแก้ไข").click();
    flushSync();
    button(root, "ยืนยัน ถอนกลับไปแก้ไข").click();
    await settle();
    expect(onact).toHaveBeenCalledWith("withdrawSubmission", {
      comment: "",
      reason: "",
      publishAt: null,
    });
    expect(root.querySelector('[role="status"]')?.textContent).toContain("เป็นฉบับร่างอีกครั้ง");
  });

  it("shows the API's refusal when an approver acted first", async () => {
    const refusal = {
      data: { messageTh: "ไม่สามารถทำรายการนี้กับข้อมูลในสถานะปัจจุบันได้", fieldErrors: null },
    };
    const root = render(EntryApproval, {
      entryState: "submitted",
      actions: ["withdrawSubmission"],
      isContributor: true,
      onact: vi.fn(async () => Promise.reject(refusal)),
    });
    button(root, "ถอนกลับไปแก้ไข").click();
    flushSync();
    button(root, "ยืนยัน ถอนกลับไปแก้ไข").click();
    await settle();
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain("สถานะปัจจุบัน");
    expect(button(root, "ถอนกลับไปแก้ไข").nextElementSibling).toBe(alert);
  });
});

describe("EntryApproval: approve and publish", () => {
  const choose = (root: HTMLElement, selector: string, value: string) => {
    const el = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
    if (el instanceof HTMLInputElement) el.checked = true;
    else for (const o of el.options) o.selected = o.value === value;
    el.dispatchEvent(new Event("change", { bubbles: true }));
    flushSync();
  };
  const button = (root: HTMLElement, text: string) =>
    [...root.querySelectorAll("button")].find((b) => b.textContent?.includes(text))!;

  it("asks for confirmation saying what goes public and that it is now", async () => {
    const onact = vi.fn(async () => {});
    const root = render(EntryApproval, {
      entryState: "submitted",
      actions: ["approve"],
      isContributor: false,
      title: "แผนปฏิบัติการ",
      fileCount: 2,
      onact,
    });
    button(root, "อนุมัติและเผยแพร่").click();
    flushSync();
    expect(onact).not.toHaveBeenCalled();
    const dialog = root.querySelector('[data-testid="confirm-approve"]')!;
    expect(dialog.textContent).toContain("“แผนปฏิบัติการ” พร้อมไฟล์แนบ 2 ไฟล์");
    expect(dialog.textContent).toContain("ทันที");
    button(root, "ยืนยัน เผยแพร่ทันที").click();
    await settle();
    expect(onact).toHaveBeenCalledWith("approve", { comment: "", reason: "", publishAt: null });
  });

  it("schedules at a BE date and Bangkok time chosen with Thai month names", async () => {
    const onact = vi.fn(async () => {});
    const root = render(EntryApproval, {
      entryState: "submitted",
      actions: ["approve"],
      isContributor: false,
      title: "แผน",
      onact,
    });
    choose(root, 'input[value="later"]', "later");
    const year = root.querySelector<HTMLSelectElement>("#publish-at-year")!;
    const nextYear = year.options[1]!.value; // BE: e.g. 2570
    expect(Number(nextYear)).toBeGreaterThan(2500);
    const month = root.querySelector<HTMLSelectElement>("#publish-at-month")!;
    expect([...month.options].map((o) => o.textContent)).toContain("กุมภาพันธ์");
    const now = new Date();
    choose(root, "#publish-at-hour", "23");
    choose(root, "#publish-at-minute", "55");
    button(root, "อนุมัติและเผยแพร่").click();
    flushSync();
    const dialog = root.querySelector('[data-testid="confirm-approve"]');
    // Whatever the day is, 23:55 of the field's starting day (tomorrow) lies ahead.
    expect(dialog?.textContent).toContain("เวลา 23:55 น.");
    button(root, "ยืนยัน ตั้งเวลาเผยแพร่").click();
    await settle();
    const at = (onact.mock.calls[0] as unknown as [string, { publishAt: Date }])[1].publishAt;
    expect(at.getTime()).toBeGreaterThan(now.getTime());
    expect(at.toISOString()).toMatch(/T16:55:00/); // 23:55 in Bangkok
  });

  it("says next to the field when the chosen moment is more than a year ahead", () => {
    const onact = vi.fn(async () => {});
    const root = render(EntryApproval, {
      entryState: "submitted",
      actions: ["approve"],
      isContributor: false,
      onact,
    });
    choose(root, 'input[value="later"]', "later");
    const year = root.querySelector<HTMLSelectElement>("#publish-at-year")!;
    choose(root, "#publish-at-year", year.options[1]!.value);
    choose(root, "#publish-at-month", "12");
    choose(root, "#publish-at-day", "31");
    // 31 December of the year after the field's first year: always more than 366 days on.
    button(root, "อนุมัติและเผยแพร่").click();
    flushSync();
    expect(root.querySelector('[data-testid="confirm-approve"]')).toBeNull();
    expect(root.querySelector("#publish-at-error")?.textContent).toContain("ไม่เกิน 366 วัน");
    expect(onact).not.toHaveBeenCalled();
  });
});

describe("EntryHistory", () => {
  it("names every event with the domain's label, with the comment when there is one", () => {
    const root = render(EntryHistory, {
      history: [
        {
          action: "returned",
          at: new Date("2025-01-15T03:00:00Z"),
          actorName: "ผู้อนุมัติ",
          comment: "แก้ชื่อ",
        },
        {
          action: "scheduled_published",
          at: new Date("2025-01-16T03:00:00Z"),
          actorName: null,
          comment: null,
        },
      ],
    });
    const items = [...root.querySelectorAll("li")].map((li) => li.textContent ?? "");
    expect(items[0]).toContain("ผู้อนุมัติ · ส่งกลับแก้ไข: “แก้ชื่อ”");
    expect(items[1]).toContain("– · เผยแพร่ตามเวลาที่ตั้งไว้");
  });
});
