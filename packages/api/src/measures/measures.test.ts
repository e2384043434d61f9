import { createFileStore } from "@ita/db/files";
import { attachments, auditLog, disclosureEntries } from "@ita/db/schema";
import { createUser, describeEachDriver } from "@ita/db/testing";
import { and, eq } from "drizzle-orm";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";
import { pdfActualText } from "../testing/pdf-actual-text.ts";
import { useEntryFileStore } from "../uploads/entry-files.ts";

const FY = 2568;
/** Lamphun province's published 2567 indicators (seed `lamphun-2568-…`): 4 and 8 are below 85. */
const LAMPHUN_2567 = [93.06, 94.42, 97.47, 84.2, 91.75, 93.4, 89.28, 83.31, 100, 100];

const MEASURE = {
  source: "question" as const,
  code: "i10",
  score: 71.77,
  finding: "บุคลากรมีการขอยืมทรัพย์สินของทางราชการไปใช้ปฏิบัติงานไม่ถูกต้องตามขั้นตอน",
  measureTitle: "มาตรการการยืมทรัพย์สินของราชการ",
  steps: ["จัดทำคู่มือการยืมทรัพย์สิน", "แจ้งเวียนให้ทุกส่วนราชการถือปฏิบัติ"],
  startDate: "2024-10-01",
  endDate: "2025-09-30",
  responsibleUnit: "สำนักงานจังหวัดลำพูน",
  monitoring: "รายงานผลการดำเนินการในการประชุมหัวหน้าส่วนราชการทุกไตรมาส",
};

describeEachDriver("the year's integrity measures", (use) => {
  let w: World;
  const filesDir = mkdtempSync(join(tmpdir(), "ita-measures-files-"));
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    useEntryFileStore(createFileStore(filesDir));
  }, 60_000);

  const failure = (p: Promise<unknown>) => p.then(() => "ok", errorCode);

  it("prefills weak points from last year's stored result below the threshold, once", async () => {
    const editor = await w.caller("editorA");
    expect(await editor.measures.prefill({ agencyId: w.agencyA.id, fiscalYear: FY })).toEqual({
      added: 0,
      resultFound: false,
    });
    await (
      await w.caller("coordinatorA")
    ).results.record({
      agencyId: w.agencyA.id,
      fiscalYear: FY - 1,
      indicators: LAMPHUN_2567,
      total: 94.25,
      grade: "ผ่านดี",
    });
    expect(await editor.measures.prefill({ agencyId: w.agencyA.id, fiscalYear: FY })).toEqual({
      added: 2,
      resultFound: true,
    });
    // Again: nothing new (the weak points are there already).
    expect((await editor.measures.prefill({ agencyId: w.agencyA.id, fiscalYear: FY })).added).toBe(
      0,
    );
    const year = await editor.measures.year({ agencyId: w.agencyA.id, fiscalYear: FY });
    expect(year.result?.fiscalYear).toBe(FY - 1);
    expect(year.measures.map((m) => [m.source, m.code, m.score])).toEqual([
      ["indicator", "8", 83.31],
      ["indicator", "4", 84.2],
    ]);
    expect(year.measures[0]!.startDate).toBe("2024-10-01");
    expect(year.measures[0]!.endDate).toBe("2025-09-30");
    // The year's two measures items, found by tag in the framework.
    expect(year.items.map((i) => [i.tag, i.item !== null, i.entry])).toEqual([
      ["measures", true, null],
      ["measures-implementation", true, null],
    ]);
    // A higher threshold proposes more, keeping those already there.
    expect(
      (await editor.measures.prefill({ agencyId: w.agencyA.id, fiscalYear: FY, threshold: 90 }))
        .added,
    ).toBe(1); // indicator 7, 89.28
  });

  it("checks a weak point's fields, in Thai with an English twin, next to the field", async () => {
    const editor = await w.caller("editorA");
    const attempt = editor.measures.add({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      ...MEASURE,
      code: "X1",
      steps: [],
      endDate: "2024-09-30",
    });
    const error = (await attempt.catch((e: unknown) => e)) as {
      cause?: { issues?: { path: string[]; message: string }[] };
    };
    const fields = Object.fromEntries(
      (error.cause?.issues ?? []).map((i) => [i.path[0], i.message]),
    );
    expect(fields.code).toContain("ข้อคำถาม");
    expect(fields.steps).toContain("อย่างน้อย 1 ขั้นตอน");
    expect(fields.endDate).toBe("วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น");
  });

  it("an editor records, edits and reports progress, all audited; a coordinator reads only", async () => {
    const editor = await w.caller("editorA");
    const added = await editor.measures.add({ agencyId: w.agencyA.id, fiscalYear: FY, ...MEASURE });
    expect(added.code).toBe("I10");
    await editor.measures.update({ measureId: added.id, ...MEASURE, code: "I10", score: 71.78 });
    await editor.measures.addProgress({
      measureId: added.id,
      date: "2025-01-15",
      status: "in-progress",
      text: "จัดทำร่างคู่มือการยืมทรัพย์สินแล้ว",
    });
    const coordinator = await w.caller("coordinatorA");
    const seen = await coordinator.measures.year({ agencyId: w.agencyA.id, fiscalYear: FY });
    expect(seen.canEdit).toBe(false);
    const mine = seen.measures.find((m) => m.id === added.id)!;
    expect(mine.score).toBe(71.78);
    expect(mine.progress.map((p) => p.status)).toEqual(["in-progress"]);
    expect(
      await failure(
        coordinator.measures.addProgress({
          measureId: added.id,
          date: "2025-01-16",
          status: "done",
          text: "x",
        }),
      ),
    ).toBe("FORBIDDEN");
    // Another agency's editor cannot reach the measure by its id.
    expect(
      await failure((await w.caller("editorB")).measures.remove({ measureId: added.id })),
    ).toBe("FORBIDDEN");
    const actions = (
      await w.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.targetId, added.id))
    ).map((a) => a.action);
    expect(actions).toEqual(["measures.added", "measures.updated", "measures.progress"]);
  });

  it("makes the PDF into a draft of the year's measures item, published by an approver, never the author", async () => {
    const editor = await w.caller("editorA");
    const made = await editor.measures.createDraft({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      part: "measures",
    });
    expect(made.created).toBe(true);
    const entry = await editor.entries.get({ entryId: made.entryId });
    expect(entry.state).toBe("draft");
    expect(entry.itemCode).toBe(made.itemCode);
    const [file] = await w.db
      .select()
      .from(attachments)
      .where(eq(attachments.entryId, made.entryId));
    expect(file!.contentType).toBe("application/pdf");
    expect(file!.fileName).toBe(`มาตรการส่งเสริมคุณธรรมและความโปร่งใส-${FY}.pdf`);
    {
      const bytes = await createFileStore(filesDir).read(file!.storageKey);
      const text = (await pdfActualText(bytes!)).join("").replace(/\s+/g, "");
      for (const expected of [
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานประจำปีงบประมาณพ.ศ.๒๕๖๘ของ",
        "ข้อI10",
        "ประเด็นที่๒ตัวชี้วัดที่๔การใช้ทรัพย์สินของราชการ",
        "คะแนน๗๑.๗๘คะแนน",
        "มาตรการการยืมทรัพย์สินของราชการ",
        "๑.จัดทำคู่มือการยืมทรัพย์สิน",
        // Part 2's table: the headings, then the responsible unit and the period cells.
        "มาตรการ/แนวทางวิธีดำเนินการผู้รับผิดชอบระยะเวลาดำเนินการการติดตาม/การรายงานผล",
        "สำนักงานจังหวัดลำพูน๑ตุลาคม๒๕๖๗–๓๐กันยายน๒๕๖๘",
      ])
        expect(text).toContain(expected);
    }

    await editor.entries.submit({ entryId: made.entryId });
    // While it waits for approval the document cannot be made again.
    expect(
      await failure(
        editor.measures.createDraft({ agencyId: w.agencyA.id, fiscalYear: FY, part: "measures" }),
      ),
    ).toBe("BAD_REQUEST");
    await (await w.caller("approverA")).entries.approve({ entryId: made.entryId });
    const page = await (
      await w.caller("anonymous")
    ).public.item({
      slug: w.agencyA.slug,
      fiscalYear: FY,
      itemCode: made.itemCode,
    });
    expect(page.entries[0]!.attachments.map((a) => a.fileName)).toEqual([file!.fileName]);

    // Made again after publishing: a new draft version whose document replaces the old
    // one there, while the public keeps the approved file.
    const again = await editor.measures.createDraft({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      part: "measures",
    });
    expect(again).toMatchObject({ entryId: made.entryId, created: false });
    const [stored] = await w.db
      .select()
      .from(disclosureEntries)
      .where(eq(disclosureEntries.id, made.entryId));
    expect(stored!.currentVersionId).not.toBe(stored!.publishedVersionId);
    const draftFiles = await w.db
      .select({ name: attachments.fileName })
      .from(attachments)
      .where(
        and(
          eq(attachments.entryId, made.entryId),
          eq(attachments.versionId, stored!.currentVersionId!),
        ),
      );
    expect(draftFiles).toHaveLength(1);
    const publicFiles = await w.db
      .select({ id: attachments.id })
      .from(attachments)
      .where(eq(attachments.versionId, stored!.publishedVersionId!));
    expect(publicFiles.map((f) => f.id)).toEqual([file!.id]);
  }, 60_000);

  it("the author of the document cannot publish it, even holding the approver role (four-eyes)", async () => {
    const both = await createUser(w.db, {
      roles: [
        { role: "editor", agencyId: w.agencyA.id },
        { role: "approver", agencyId: w.agencyA.id },
      ],
    });
    const author = await w.callerForUser(both.id);
    const made = await author.measures.createDraft({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      part: "implementation",
    });
    await author.entries.submit({ entryId: made.entryId });
    expect(await failure(author.entries.approve({ entryId: made.entryId }))).toBe("FOUR_EYES");
    await (await w.caller("approverA")).entries.approve({ entryId: made.entryId });
  }, 60_000);
  it("an editor corrects or removes a progress update, checked as when added and audited; the report shows the correction", async () => {
    const editor = await w.caller("editorA");
    const measure = await editor.measures.add({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      ...MEASURE,
      measureTitle: "มาตรการลดขั้นตอนการยืมพัสดุ",
    });
    const wrong = await editor.measures.addProgress({
      measureId: measure.id,
      date: "2025-02-01",
      status: "in-progress",
      text: "ประชุมชี้แจงบุคลากรครบทุกกองแล้ว",
    });
    const extra = await editor.measures.addProgress({
      measureId: measure.id,
      date: "2025-02-02",
      status: "delayed",
      text: "รายงานซ้ำโดยไม่ตั้งใจ",
    });
    // The same checks as adding: an empty text and an impossible date are refused by field.
    const refused = (await editor.measures
      .updateProgress({ progressId: wrong.id, date: "2025-02-30", status: "done", text: " " })
      .catch((e: unknown) => e)) as { cause?: { issues?: { path: string[]; message: string }[] } };
    const fields = Object.fromEntries(
      (refused.cause?.issues ?? []).map((i) => [i.path[0], i.message]),
    );
    expect(fields.text).toContain("กรุณากรอกผลการดำเนินการ");
    expect(fields.date).toContain("วันที่รายงานไม่ใช่วันที่ที่ถูกต้อง");
    // Only the agency's editors: not its coordinator, not another agency's editor.
    const correction = {
      progressId: wrong.id,
      date: "2025-02-03",
      status: "done" as const,
      text: "ประชุมชี้แจงบุคลากรครบทุกกองและเผยแพร่คู่มือแล้ว",
    };
    for (const actor of ["coordinatorA", "editorB", "approverA"] as const)
      expect(await failure((await w.caller(actor)).measures.updateProgress(correction))).toBe(
        "FORBIDDEN",
      );
    expect(
      await failure((await w.caller("editorB")).measures.removeProgress({ progressId: extra.id })),
    ).toBe("FORBIDDEN");

    const updated = await editor.measures.updateProgress(correction);
    expect(updated).toMatchObject({ id: wrong.id, date: "2025-02-03", status: "done" });
    await editor.measures.removeProgress({ progressId: extra.id });
    const year = await editor.measures.year({ agencyId: w.agencyA.id, fiscalYear: FY });
    expect(year.measures.find((m) => m.id === measure.id)!.progress).toEqual([
      { id: wrong.id, date: "2025-02-03", status: "done", text: correction.text },
    ]);
    const audit = await w.db
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.targetId, measure.id));
    const changed = audit.find((a) => a.action === "measures.progress-updated")!;
    expect(changed.before).toMatchObject({ text: "ประชุมชี้แจงบุคลากรครบทุกกองแล้ว" });
    expect(changed.after).toMatchObject({ text: correction.text, status: "done" });
    expect(audit.find((a) => a.action === "measures.progress-removed")!.before).toMatchObject({
      id: extra.id,
      text: "รายงานซ้ำโดยไม่ตั้งใจ",
    });

    // The implementation report made now says what the correction says, not the old text.
    const made = await editor.measures.createDraft({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      part: "implementation",
    });
    const [entry] = await w.db
      .select()
      .from(disclosureEntries)
      .where(eq(disclosureEntries.id, made.entryId));
    const [file] = await w.db
      .select()
      .from(attachments)
      .where(eq(attachments.versionId, entry!.currentVersionId!));
    const bytes = await createFileStore(filesDir).read(file!.storageKey);
    const text = (await pdfActualText(bytes!)).join("").replace(/\s+/g, "");
    expect(text).toContain("ประชุมชี้แจงบุคลากรครบทุกกองและเผยแพร่คู่มือแล้ว");
    expect(text).toContain("๓กุมภาพันธ์๒๕๖๘");
    expect(text).not.toContain("รายงานซ้ำโดยไม่ตั้งใจ");
  }, 60_000);
});
