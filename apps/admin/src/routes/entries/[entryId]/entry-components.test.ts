import { flushSync, mount, unmount, type Component } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import EntryApproval from "./EntryApproval.svelte";
import EntryHistory from "./EntryHistory.svelte";

const mounted: Array<ReturnType<typeof mount>> = [];
function render<Props extends Record<string, unknown>>(component: Component<Props>, props: Props) {
  const target = document.createElement("div");
  document.body.append(target);
  mounted.push(mount(component, { target, props }));
  flushSync();
  return target;
}
afterEach(() => {
  for (const component of mounted.splice(0)) void unmount(component);
  document.body.innerHTML = "";
});

const buttons = (root: HTMLElement) =>
  [...root.querySelectorAll("button")].map((b) => b.textContent);
const settle = () => new Promise((done) => setTimeout(done, 0)).then(() => flushSync());

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
    expect(root.querySelector('[role="alert"]')?.textContent?.trim()).toBe("กรุณาระบุเหตุผล");
    expect(root.querySelector('[role="status"]')).toBeNull();
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
