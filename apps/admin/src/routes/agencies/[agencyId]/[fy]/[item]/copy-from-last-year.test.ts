import { describe, expect, it, vi } from "vitest";
import { press, render, settle, textOf } from "../../../../../test/render.ts";
import CopyFromLastYear from "./CopyFromLastYear.svelte";

describe("CopyFromLastYear", () => {
  it("says when each entry was published and what the draft will be, with the spaces of the glossary", async () => {
    const root = render(CopyFromLastYear, {
      fiscalYear: 2570,
      cadence: "monthly",
      load: vi.fn(async () => [
        {
          entryId: "e9",
          title: "สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนกันยายน พ.ศ. 2569",
          newTitle: "สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนกันยายน พ.ศ. 2570",
          period: 12,
          publishedAt: new Date("2026-10-06T03:00:00Z"),
          files: [],
        },
      ]),
      oncopy: vi.fn(async () => {}),
    });
    press(root, "คัดลอกจากปี 2569…");
    await settle();
    const hint = textOf(root.querySelector('[data-source="e9"] .hint'));
    expect(hint).toBe(
      "เผยแพร่ 6 ต.ค. 2569 · ฉบับร่างใหม่: “สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนกันยายน พ.ศ. 2570” (เดือนกันยายน พ.ศ. 2570)",
    );
  });
});
