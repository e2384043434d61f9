import { auditLog, publicHolidays } from "@ita/db/schema";
import ExcelJS from "exceljs";
import { createDisclosureEntry, describeEachDriver } from "@ita/db/testing";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { englishFieldErrors } from "../authz/field-error.ts";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";
import { forgetHolidays } from "../holidays/load-holidays.ts";

const FY = 2568;

/** The field errors (Thai and English) a refused call carries. */
const fieldErrors = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { cause: z.ZodError }) => ({
      th: z.flattenError(e.cause).fieldErrors as Record<string, string[] | undefined>,
      en: englishFieldErrors(e.cause),
    }),
  );

describeEachDriver("province oversight", (use) => {
  let w: World;
  let round1 = "";
  let round2 = "";
  let o5Entry = "";
  beforeAll(async () => {
    // 1 March 2025: round 1 (31 Jan) is past, round 2 (31 Mar) is ahead.
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    await createDisclosureEntry(w.db, {
      agencyId: w.agencyA.id,
      authorId: w.editorA2.id,
      itemCode: "O1",
      state: "published",
    });
    o5Entry = (
      await createDisclosureEntry(w.db, {
        agencyId: w.agencyA.id,
        authorId: w.editorA2.id,
        itemCode: "O5",
        state: "published",
      })
    ).id;
  }, 60_000);

  const failure = (p: Promise<unknown>) => p.then(() => "ok", errorCode);

  it("the coordinator plans rounds with deadlines and items; mistakes come back by field, in Thai and English", async () => {
    const coordinator = await w.caller("coordinatorA");
    const provinceId = w.agencyA.provinceId;
    expect((await coordinator.oversight.provinces()).map((p) => p.id)).toEqual([provinceId]);
    round1 = (
      await coordinator.oversight.createRound({
        provinceId,
        fiscalYear: FY,
        number: 1,
        titleTh: "ครั้งที่ 1",
        deadline: "2025-01-31",
        itemCodes: ["O1", "O2", "o5"],
      })
    ).id;
    round2 = (
      await coordinator.oversight.createRound({
        provinceId,
        fiscalYear: FY,
        number: 2,
        titleTh: "ครั้งที่ 2",
        deadline: "2025-03-31",
        itemCodes: ["O28"],
      })
    ).id;
    const refused = await fieldErrors(
      coordinator.oversight.createRound({
        provinceId,
        fiscalYear: FY,
        number: 2,
        titleTh: "ครั้งที่ 3",
        deadline: "2025-10-01",
        itemCodes: ["O1", "O99"],
      }),
    );
    expect(refused?.th.number?.[0]).toContain("มีรอบที่ 2 อยู่แล้ว");
    expect(refused?.en.number?.[0]).toBe("Round 2 already exists");
    expect(refused?.en.deadline?.[0]).toContain("fiscal year 2568");
    expect(refused?.en.itemCodes?.join(" ")).toContain("O99");
    expect(refused?.en.itemCodes?.join(" ")).toContain("O1");

    const plan = await coordinator.oversight.plan({ provinceId, fiscalYear: FY });
    expect(plan.rounds.map((r) => [r.number, r.deadline, r.itemCodes])).toEqual([
      [1, "2025-01-31", ["O1", "O2", "O5"]],
      [2, "2025-03-31", ["O28"]],
    ]);
    expect(plan.items.length).toBeGreaterThanOrEqual(43);
    // The plan carries the public holidays, so the form's working-day helper skips the
    // same days as the reminders do.
    await w.db
      .insert(publicHolidays)
      .values({ date: "2025-04-14", nameTh: "วันสงกรานต์" })
      .onConflictDoNothing();
    forgetHolidays();
    expect((await coordinator.oversight.plan({ provinceId, fiscalYear: FY })).holidays).toContain(
      "2025-04-14",
    );

    await coordinator.oversight.updateRound({
      roundId: round2,
      number: 2,
      titleTh: "ครั้งที่ 2 (ขยายเวลา)",
      deadline: "2025-04-07",
      itemCodes: ["O28", "O43"],
    });
    const audit = await w.db.select().from(auditLog).where(eq(auditLog.targetId, round2));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "review-round.create",
      "review-round.update",
    ]);
  });

  it("readiness: a cell per agency and item, overdue after the deadline day, progress per agency and province", async () => {
    const coordinator = await w.caller("coordinatorA");
    const r = await coordinator.oversight.readiness({
      provinceId: w.agencyA.provinceId,
      fiscalYear: FY,
    });
    expect(r.today).toBe("2025-03-01");
    const a = r.agencies.find((x) => x.id === w.agencyA.id)!;
    const cell = (code: string) => a.cells.find((c) => c.code === code)!;
    expect(cell("O1")).toMatchObject({
      state: "published",
      href: `/agencies/${w.agencyA.slug}/${FY}/O1`,
    });
    expect(cell("O2").state).toBe("overdue");
    expect(cell("O28").state).toBe("missing");
    expect(cell("O30").state).toBe("missing"); // in no round: no deadline
    expect(a.progress.overdue).toBe(1);
    expect(a.progress.published).toBe(2);
    expect(r.progress.total).toBe(r.agencies.length * r.columns.length);

    // One round's items only; filters that match nothing give no agencies.
    const one = await coordinator.oversight.readiness({
      provinceId: w.agencyA.provinceId,
      fiscalYear: FY,
      roundId: round1,
    });
    expect(one.columns.map((c) => c.code)).toEqual(["O1", "O2", "O5"]);
    expect(one.columns[0]!.deadline).toBe("2025-01-31");
    const none = await coordinator.oversight.readiness({
      provinceId: w.agencyA.provinceId,
      fiscalYear: FY,
      agencyType: "central",
    });
    expect(none.agencies).toEqual([]);
  });

  it("readiness counts only what the public sees: a withdrawn entry or one scheduled later is not published", async () => {
    await createDisclosureEntry(w.db, {
      agencyId: w.agencyA.id,
      authorId: w.editorA2.id,
      itemCode: "O2",
      state: "withdrawn",
    });
    await createDisclosureEntry(w.db, {
      agencyId: w.agencyA.id,
      authorId: w.editorA2.id,
      itemCode: "O28",
      state: "published",
      publishedAt: new Date("2025-03-20T03:00:00Z"), // after the world's today (1 March)
    });
    const coordinator = await w.caller("coordinatorA");
    const r = await coordinator.oversight.readiness({
      provinceId: w.agencyA.provinceId,
      fiscalYear: FY,
    });
    const a = r.agencies.find((x) => x.id === w.agencyA.id)!;
    const cell = (code: string) => a.cells.find((c) => c.code === code)!;
    expect(cell("O2").state).toBe("overdue");
    expect(cell("O28").state).toBe("missing");
    expect(a.progress.published).toBe(2);
  });

  it("reviews: ok, or needs-fix with a comment the agency sees; a new publication sends the item back to review", async () => {
    const coordinator = await w.caller("coordinatorA");
    const agencyId = w.agencyA.id;
    await coordinator.oversight.review({ agencyId, fiscalYear: FY, itemCode: "O1", verdict: "ok" });
    // Needs-fix needs a comment, next to the field.
    const noComment = await fieldErrors(
      coordinator.oversight.review({
        agencyId,
        fiscalYear: FY,
        itemCode: "O5",
        verdict: "needs-fix",
      }),
    );
    expect(noComment?.en.comment).toEqual(["Say what needs fixing"]);
    await coordinator.oversight.review({
      agencyId,
      fiscalYear: FY,
      itemCode: "O5",
      verdict: "needs-fix",
      comment: "ยังไม่มีเบอร์โทรศัพท์ของหน่วยงาน",
    });
    // Nothing published yet: nothing to review. An item in no round: no review.
    expect(
      await failure(
        coordinator.oversight.review({ agencyId, fiscalYear: FY, itemCode: "O2", verdict: "ok" }),
      ),
    ).toBe("INVALID_TRANSITION");
    expect(
      await failure(
        coordinator.oversight.review({ agencyId, fiscalYear: FY, itemCode: "O30", verdict: "ok" }),
      ),
    ).toBe("NOT_FOUND");

    const sheet = await coordinator.oversight.agencyReview({ agencyId, fiscalYear: FY });
    const o5 = sheet.rounds[0]!.items.find((i) => i.code === "O5")!;
    expect(o5.state).toBe("needs-fix");
    expect(o5.review).toMatchObject({ verdict: "needs-fix", current: true });
    expect(o5.entries[0]!.href).toBe(`/agencies/${w.agencyA.slug}/${FY}/O5#entry-${o5Entry}`);

    const editor = await w.caller("editorA");
    const list = await editor.entries.checklist({ agencyId, fiscalYear: FY });
    const items = new Map(list.categories.flatMap((c) => c.items).map((i) => [i.code, i]));
    expect(items.get("O5")?.review).toMatchObject({
      verdict: "needs-fix",
      comment: "ยังไม่มีเบอร์โทรศัพท์ของหน่วยงาน",
      current: true,
      roundNumber: 1,
    });
    expect(items.get("O5")?.dueDate).toBe("2025-01-31");
    expect(items.get("O1")?.review?.verdict).toBe("ok");

    // The agency fixes it: a new version, approved and public.
    await editor.entries.save({ entryId: o5Entry, title: "ข้อมูลการติดต่อ พร้อมเบอร์โทรศัพท์" });
    await editor.entries.submit({ entryId: o5Entry });
    await (await w.caller("approverA")).entries.approve({ entryId: o5Entry });
    const after = await editor.entries.checklist({ agencyId, fiscalYear: FY });
    const o5After = after.categories.flatMap((c) => c.items).find((i) => i.code === "O5");
    expect(o5After?.review?.current).toBe(false);
    const r = await coordinator.oversight.readiness({
      provinceId: w.agencyA.provinceId,
      fiscalYear: FY,
      roundId: round1,
    });
    const row = r.agencies.find((x) => x.id === agencyId)!;
    expect(row.cells.map((c) => [c.code, c.state])).toEqual([
      ["O1", "reviewed-ok"],
      ["O2", "overdue"],
      ["O5", "published"],
    ]);

    const audit = await w.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "item-review.record"));
    expect(audit.filter((a) => a.agencyId === agencyId)).toHaveLength(2);
  });

  it("exports the round's report: XLSX with Thai titles, frozen header and filters; CSV with a BOM and no formulas", async () => {
    const coordinator = await w.caller("coordinatorA");
    await coordinator.oversight.review({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O1",
      verdict: "needs-fix",
      comment: '=HYPERLINK("http://evil.example")',
    });
    const xlsx = await coordinator.oversight.exportRound({ roundId: round1, format: "xlsx" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, "base64") as never);
    const sheet = book.worksheets[0]!;
    const readiness = await coordinator.oversight.readiness({
      provinceId: w.agencyA.provinceId,
      fiscalYear: FY,
      roundId: round1,
    });
    // One row per agency × round item, under one header row.
    expect(sheet.rowCount - 1).toBe(readiness.agencies.length * 3);
    expect(sheet.getRow(1).values).toContain("ความเห็นของจังหวัด");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const o1 = sheet
      .getSheetValues()
      .find(
        (r) =>
          Array.isArray(r) &&
          r[3] === "O1" &&
          r[1] === readiness.agencies.find((a) => a.id === w.agencyA.id)!.nameTh,
      ) as unknown[];
    expect(o1[5]).toBe("31 ม.ค. 2568"); // the round's deadline, Buddhist Era
    expect(o1[6]).toBe("ต้องแก้ไข");
    expect(String(o1[8])).toMatch(new RegExp(`/agencies/${w.agencyA.slug}/${FY}/O1$`));

    const csv = await coordinator.oversight.exportRound({ roundId: round1, format: "csv" });
    const text = Buffer.from(csv.base64, "base64").toString("utf8");
    expect(text.startsWith("\uFEFFหน่วยงาน,อำเภอ,ข้อ")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv.rows).toBe(readiness.agencies.length * 3);

    const summary = await coordinator.oversight.summary({ roundId: round1 });
    expect(summary.chartSvg).toMatch(/^<svg [^>]*role="img"/);
    expect(summary.agencies.length).toBe(readiness.agencies.length);
  });

  it("a round with reviews stays; one without can be deleted", async () => {
    const coordinator = await w.caller("coordinatorA");
    expect(await failure(coordinator.oversight.deleteRound({ roundId: round1 }))).toBe("CONFLICT");
    await coordinator.oversight.deleteRound({ roundId: round2 });
    const plan = await coordinator.oversight.plan({
      provinceId: w.agencyA.provinceId,
      fiscalYear: FY,
    });
    expect(plan.rounds.map((r) => r.number)).toEqual([1]);
  });

  it("a coordinator sees only their province and never writes an agency's entries", async () => {
    const coordinator = await w.caller("coordinatorA");
    expect(
      await failure(
        coordinator.oversight.readiness({ provinceId: w.agencyB.provinceId, fiscalYear: FY }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await failure(
        coordinator.entries.create({
          agencyId: w.agencyA.id,
          fiscalYear: FY,
          itemCode: "O2",
          title: "โดยผู้ประสานงาน",
        }),
      ),
    ).toBe("FORBIDDEN");
  });
});
