import type { RouterOutputs } from "@ita/api";
import { describe, expect, it, vi } from "vitest";
import { goto } from "$app/navigation";
import { agencyProfile } from "../../../../test/fixtures.ts";
import { render, textOf } from "../../../../test/render.ts";
import { load } from "./+page.ts";
import ChecklistPage from "./+page.svelte";

const api = vi.hoisted(() => ({
  checklist: vi.fn(),
  profile: vi.fn(),
}));
vi.mock("#lib/api.ts", () => ({
  api: {
    entries: { checklist: { query: api.checklist } },
    agencyAdmin: { profile: { query: api.profile } },
  },
}));

// Typed as the API answers, so a field the page reads cannot be missing here.
const checklist = {
  fiscalYear: 2569,
  agency: { id: "a-1", slug: "lamphun" },
  framework: null,
  readOnly: false,
  total: 2,
  counts: { published: 1, partial: 0, waiting: 0, returned: 0, draft: 0, missing: 1 },
  categories: [
    {
      number: 1,
      titleTh: "ข้อมูลพื้นฐาน",
      titleEn: "Basic information",
      items: [
        {
          code: "O1",
          titleTh: "โครงสร้าง",
          titleEn: "Structure",
          guidanceTh: "แผนผังแสดงโครงสร้างการแบ่งส่วนราชการ",
          guidanceEn: "",
          categories: [1],
          reviewRound: null,
          review: null,
          status: "missing",
          cadence: "once",
          evidence: ["document"],
          dueDate: null,
          scheduledAt: null,
          entryCount: 0,
          entryIds: [],
          lastTouched: null,
          earlierVersion: null,
          madeUnder: [],
          progress: {
            cadence: "once",
            expected: 1,
            published: 0,
            returned: 0,
            waiting: 0,
            drafts: 0,
            missingPeriods: [],
            withoutPeriod: 0,
            complete: false,
            status: "missing",
          },
        },
      ],
    },
  ],
} satisfies RouterOutputs["entries"]["checklist"];

const event = (href: string) =>
  ({
    params: { agencyId: "a-1", fy: "2569" },
    url: new URL(href, "http://localhost"),
    depends: vi.fn(),
  }) as never;
type Data = Awaited<ReturnType<typeof load>> & object;

describe("checklist load", () => {
  it("asks for only what is left when the URL says ?left=1, and for everything otherwise", async () => {
    api.checklist.mockResolvedValue(checklist);
    api.profile.mockResolvedValue({ nameTh: "เทศบาลเมืองลำพูน" });
    const left = (await load(event("/admin/agencies/a-1/2569?left=1"))) as Data;
    expect(api.checklist).toHaveBeenLastCalledWith({
      agencyId: "a-1",
      fiscalYear: 2569,
      onlyLeft: true,
    });
    expect(left.onlyLeft).toBe(true);
    const all = (await load(event("/admin/agencies/a-1/2569"))) as Data;
    expect(api.checklist).toHaveBeenLastCalledWith({
      agencyId: "a-1",
      fiscalYear: 2569,
      onlyLeft: false,
    });
    expect(all.onlyLeft).toBe(false);
  });

  it("returns the API's refusal as the page's error, and the title without the profile", async () => {
    api.checklist.mockRejectedValue({ data: { messageTh: "ไม่มีสิทธิ์เข้าถึงหน่วยงานนี้" } });
    api.profile.mockRejectedValue(new Error("offline"));
    const data = (await load(event("/admin/agencies/a-1/2569"))) as Data;
    expect(data).toMatchObject({
      checklist: null,
      profile: null,
      loadError: "ไม่มีสิทธิ์เข้าถึงหน่วยงานนี้",
    });
  });
});

describe("checklist page", () => {
  const page = (onlyLeft: boolean) =>
    render(ChecklistPage, {
      data: { onlyLeft, checklist, profile: agencyProfile(), loadError: null },
      params: { agencyId: "a-1", fy: "2569" },
    });

  it("puts 'show only what is left' in the URL, keeping focus and scroll", () => {
    const root = page(false);
    const toggle = root.querySelector<HTMLInputElement>("#only-left")!;
    expect(toggle.checked).toBe(false);
    toggle.click();
    expect(goto).toHaveBeenLastCalledWith("/admin/agencies/a-1/2569?left=1", { reset: false });
  });

  it("shows the toggle from the URL, clears it, and keeps it on the year links", () => {
    const root = page(true);
    const toggle = root.querySelector<HTMLInputElement>("#only-left")!;
    expect(toggle.checked).toBe(true);
    const links = [...root.querySelectorAll(".actions a")].map((a) => a.getAttribute("href"));
    // The year links keep the filter; the year's measures page has none to keep.
    expect(links).toEqual([
      "/admin/agencies/a-1/2568?left=1",
      "/admin/agencies/a-1/2570?left=1",
      "/admin/agencies/a-1/measures/2569",
    ]);
    toggle.click();
    expect(goto).toHaveBeenLastCalledWith("/admin/agencies/a-1/2569", { reset: false });
  });

  it("summarises the counts and links each item to its page", () => {
    const root = page(false);
    const summary = textOf(root.querySelector('[data-testid="checklist-summary"]'));
    expect(summary).toMatch(/^เผยแพร่แล้ว 1 จาก 2 · /);
    expect(summary).toMatch(/ยังไม่เผยแพร่ 1$/);
    expect(root.querySelector('tr[data-item="O1"] a')?.getAttribute("href")).toBe(
      "/admin/agencies/a-1/2569/O1",
    );
  });

  it("names the wording an entry was made under, and marks an item only an earlier version has", () => {
    const [first] = checklist.categories[0]!.items;
    const root = render(ChecklistPage, {
      data: {
        onlyLeft: false,
        checklist: {
          ...checklist,
          categories: [
            {
              ...checklist.categories[0]!,
              items: [
                {
                  ...first!,
                  madeUnder: [
                    { version: 1, code: "O1", titleTh: "โครงสร้างองค์กร", titleEn: "Structure" },
                  ],
                },
                { ...first!, code: "O0", earlierVersion: 1 },
              ],
            },
          ],
        },
        profile: { nameTh: "เทศบาลเมืองลำพูน" },
        loadError: null,
      },
      params: { agencyId: "a-1", fy: "2569" },
    } as never);
    expect(textOf(root.querySelector('tr[data-item="O1"] [data-testid="made-under"]'))).toBe(
      "บันทึกตามเกณฑ์ฉบับที่ 1: โครงสร้างองค์กร",
    );
    expect(root.querySelector('tr[data-item="O1"] [data-testid="earlier-version"]')).toBeNull();
    expect(textOf(root.querySelector('tr[data-item="O0"] [data-testid="earlier-version"]'))).toBe(
      "ข้อนี้อยู่ในเกณฑ์ฉบับที่ 1 เกณฑ์ฉบับปัจจุบันไม่มีข้อนี้แล้ว",
    );
  });
});
