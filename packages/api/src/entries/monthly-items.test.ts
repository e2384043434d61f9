import { describeEachDriver } from "@ita/db/testing";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";

const FY = 2568;

// 1 March 2025: October 2024 – February 2025 have ended, March has not.
describeEachDriver("items expected every month", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
  }, 60_000);

  const failure = (p: Promise<unknown>) => p.then(() => "ok", errorCode);

  it("counts months, returned entries and missing months, and is not published after two of twelve", async () => {
    const editor = await w.caller("editorA");
    const approver = await w.caller("approverA");
    const ref = { agencyId: w.agencyA.id, fiscalYear: FY, itemCode: "O21" };
    // A month chosen, a month read from the title, a month returned.
    const oct = await editor.entries.create({ ...ref, title: "สรุปผลการจัดซื้อจัดจ้าง", period: 1 });
    const nov = await editor.entries.create({
      ...ref,
      title: "สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนพฤศจิกายน พ.ศ. 2567",
    });
    const dec = await editor.entries.create({ ...ref, title: "สรุปผล ธ.ค. 67" });
    for (const { id } of [oct, nov, dec]) await editor.entries.submit({ entryId: id });
    await approver.entries.approve({ entryId: oct.id });
    await approver.entries.approve({ entryId: nov.id });
    await approver.entries.return({ entryId: dec.id, comment: "แนบไฟล์ สขร.1" });

    expect((await editor.entries.get({ entryId: nov.id })).period).toBe(2);
    const list = await editor.entries.list(ref);
    expect(list.map((e) => e.period).sort()).toEqual([1, 2, 3]);

    const checklist = await editor.entries.checklist({ agencyId: w.agencyA.id, fiscalYear: FY });
    const o21 = checklist.categories.flatMap((c) => c.items).find((i) => i.code === "O21")!;
    expect(o21.cadence).toBe("monthly");
    expect(o21.status).toBe("returned");
    expect(o21.progress).toMatchObject({
      expected: 12,
      published: 2,
      returned: 1,
      complete: false,
      // December was returned, January and February have ended with nothing public.
      missingPeriods: [3, 4, 5],
    });
    expect(checklist.counts.returned).toBeGreaterThan(0);
    const left = await editor.entries.checklist({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      onlyLeft: true,
    });
    expect(left.categories.flatMap((c) => c.items).map((i) => i.code)).toContain("O21");

    // The clerk corrects the month while fixing the returned entry.
    await editor.entries.save({ entryId: dec.id, title: "สรุปผล", period: 4 });
    expect((await editor.entries.get({ entryId: dec.id })).period).toBe(4);
  });

  it("refuses a month for an item asked for once, and a thirteenth month", async () => {
    const editor = await w.caller("editorA");
    const ref = { agencyId: w.agencyA.id, fiscalYear: FY };
    expect(
      await failure(editor.entries.create({ ...ref, itemCode: "O28", title: "x", period: 2 })),
    ).toBe("BAD_REQUEST");
    expect(
      await failure(editor.entries.create({ ...ref, itemCode: "O21", title: "x", period: 13 })),
    ).toBe("BAD_REQUEST");
    const { id } = await editor.entries.create({ ...ref, itemCode: "O28", title: "ช่องทาง" });
    expect((await editor.entries.get({ entryId: id })).period).toBeNull();
  });
});
