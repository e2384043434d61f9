import { describe, expect, it, vi } from "vitest";
import { invalidate } from "$app/navigation";
import { choose, press, render, settle, textOf, type } from "../../../test/render.ts";
import { COMPLAINT_DATA, load, type Case } from "./+page.ts";
import CasePage from "./+page.svelte";

const api = vi.hoisted(() => ({ get: vi.fn(), move: vi.fn(), reveal: vi.fn(), me: vi.fn() }));
vi.mock("#lib/api.ts", () => ({
  api: {
    auth: { me: { query: api.me } },
    complaints: {
      get: { query: api.get },
      move: { mutate: api.move },
      reveal: { mutate: api.reveal },
    },
  },
}));

const at = new Date("2026-11-01T03:00:00Z");
// Typed as the API answers (Case), so a field the page reads cannot be missing here.
const file = (id: string, name: string, eventId: string | null): Case["files"][number] => ({
  id,
  eventId,
  name,
  contentType: "application/pdf",
  size: 2048,
  warnings: [],
});
const complaint = {
  id: "c-1",
  agency: { id: "a-1", slug: "lamphun", nameTh: "เทศบาลเมืองลำพูน" },
  reference: "ร-2569-0001",
  subject: "bribery",
  state: "screening",
  outcome: null,
  receivedAt: at,
  acknowledgedAt: at,
  acknowledgeBy: at,
  decideBy: at,
  closedAt: null,
  purgedAt: null,
  assigneeId: null,
  overdue: null,
  next: null,
  isAnonymous: false,
  identityReveals: 0,
  identityConsent: "not-consented",
  content: {
    description: "เรียกเงินสามพันบาท",
    involved: null,
    occurredWhen: null,
    occurredWhere: null,
  },
  timeline: [
    {
      id: "e-1",
      at,
      author: "complainant",
      actorName: null,
      kind: "message",
      fromState: null,
      toState: null,
      body: "เพิ่มเติม",
      internal: false,
      forward: null,
    },
  ],
  files: [file("f-1", "ใบนัด.pdf", null), file("f-2", "ภาพถ่าย.pdf", "e-1")],
} satisfies Case;

describe("complaint case load", () => {
  it("loads the case under a name that its actions invalidate", async () => {
    api.get.mockResolvedValue(complaint);
    const depends = vi.fn();
    const data = await load({ params: { complaintId: "c-1" }, depends } as never);
    expect(depends).toHaveBeenCalledWith(COMPLAINT_DATA);
    expect(api.get).toHaveBeenLastCalledWith({ complaintId: "c-1" });
    expect(data).toEqual({ complaint, loadError: null });
  });

  it("returns the API's refusal as the page's error", async () => {
    api.get.mockRejectedValue({ data: { messageTh: "ไม่มีสิทธิ์เข้าถึงเรื่องนี้" } });
    const data = await load({ params: { complaintId: "c-1" }, depends: vi.fn() } as never);
    expect(data).toEqual({ complaint: null, loadError: "ไม่มีสิทธิ์เข้าถึงเรื่องนี้" });
  });
});

describe("complaint case page", () => {
  const page = (data: Awaited<ReturnType<typeof load>>) =>
    render(CasePage, { data, params: { complaintId: "c-1" } });

  it("shows the filing's evidence apart from the files sent with a message", () => {
    const root = page({ complaint, loadError: null });
    const lists = [...root.querySelectorAll('[data-testid="case-files"]')];
    expect(lists.map((l) => textOf(l.querySelector("button")))).toEqual([
      "ดาวน์โหลด ใบนัด.pdf",
      "ดาวน์โหลด ภาพถ่าย.pdf",
    ]);
    expect(lists[1]!.closest(".timeline")).not.toBeNull();
  });

  it("offers only the states the case may move to; closing asks for the outcome and reloads the case", async () => {
    api.move.mockResolvedValue(undefined);
    const root = page({ complaint, loadError: null });
    const to = root.querySelector<HTMLSelectElement>("#to")!;
    expect([...to.options].map((o) => o.value)).toEqual(["", "investigating", "closed"]);
    choose(to, "closed");
    choose(root.querySelector("#outcome"), "unsubstantiated");
    press(root, "บันทึกสถานะ");
    await settle();
    expect(api.move).toHaveBeenLastCalledWith({
      complaintId: "c-1",
      to: "closed",
      outcome: "unsubstantiated",
    });
    expect(invalidate).toHaveBeenLastCalledWith(COMPLAINT_DATA);
    expect(textOf(root.querySelector('[role="status"]'))).toBe("เปลี่ยนสถานะแล้ว");
  });

  it("a refused reveal explains itself beside the reason and shows no identity", async () => {
    vi.mocked(invalidate).mockClear();
    api.reveal.mockRejectedValue({
      data: { messageTh: "ข้อมูลไม่ถูกต้อง", fieldErrors: { reason: ["โปรดระบุเหตุผล"] } },
    });
    const root = page({ complaint, loadError: null });
    type(root.querySelector("#reason"), "ดู");
    press(root, "แสดงตัวตนผู้ร้อง");
    await settle();
    expect(textOf(root.querySelector("#reason")?.closest("p, div"))).toContain("โปรดระบุเหตุผล");
    expect(root.querySelector('[data-testid="identity"]')).toBeNull();
    expect(invalidate).not.toHaveBeenCalled();
  });

  it("puts a space on both sides of · in the state and the revealed identity", async () => {
    const closed: Case = { ...complaint, state: "closed", outcome: "unsubstantiated" };
    const root = page({ complaint: closed, loadError: null });
    expect(textOf(root.querySelector('[data-testid="case-state"]'))).toMatch(/\S · ไม่มีมูล$/);

    api.reveal.mockResolvedValue({
      name: "นายสมชาย",
      phone: "081 234 5678",
      email: "s@example.com",
    });
    const open = page({ complaint, loadError: null });
    type(open.querySelector("#reason"), "ต้องติดต่อผู้ร้องเพื่อขอเอกสารเพิ่มเติม");
    press(open, "แสดงตัวตนผู้ร้อง");
    await settle();
    expect(textOf(open.querySelector('[data-testid="identity"]'))).toBe(
      "นายสมชาย · 081 234 5678 · s@example.com",
    );
  });

  it("shows a refusal instead of the case", () => {
    const root = page({ complaint: null, loadError: "ไม่มีสิทธิ์เข้าถึงเรื่องนี้" });
    expect(textOf(root.querySelector('[role="alert"]'))).toBe("ไม่มีสิทธิ์เข้าถึงเรื่องนี้");
    expect(root.querySelector("h1")).toBeNull();
  });
});
