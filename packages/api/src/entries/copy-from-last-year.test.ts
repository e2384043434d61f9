import { attachments } from "@ita/db/schema";
import { createDisclosureEntry, describeEachDriver } from "@ita/db/testing";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";

const FY = 2568;

describeEachDriver("copying last year's entries", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
  }, 60_000);

  const failure = (p: Promise<unknown>) => p.then(() => "ok", errorCode);

  async function lastYearMonth(period: number, month: string, year: string) {
    return createDisclosureEntry(w.db, {
      agencyId: w.agencyA.id,
      authorId: w.users.editorA.id,
      fiscalYear: FY - 1,
      itemCode: "O21",
      state: "published",
      period,
      title: `สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน${month} พ.ศ. ${year}`,
      descriptionHtml: `<p>เทศบาลเผยแพร่ <strong>สรุปผล</strong> ปีงบประมาณ ๒๕๖๗</p>`,
    });
  }

  it("copies the chosen months as drafts of the same months this year, in the editor's format, with the chosen files", async () => {
    const sep = await lastYearMonth(12, "กันยายน", "2567");
    const oct = await lastYearMonth(1, "ตุลาคม", "2566");
    const [file, other] = await w.db
      .insert(attachments)
      .values(
        ["สขร1-ก.ย.67.pdf", "ภาพประกอบ.pdf"].map((fileName, i) => ({
          entryId: sep.id,
          versionId: sep.currentVersionId,
          fileName,
          contentType: "application/pdf",
          sizeBytes: 10 + i,
          sha256: String(i).repeat(64),
          storageKey: String(i).repeat(64),
        })),
      )
      .returning();
    const editor = await w.caller("editorA");
    const ref = { agencyId: w.agencyA.id, fiscalYear: FY, itemCode: "O21" };

    const offered = await editor.entries.lastYear(ref);
    const september = offered.find((o) => o.entryId === sep.id)!;
    expect(september).toMatchObject({
      period: 12,
      newTitle: "สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนกันยายน พ.ศ. 2568",
    });
    expect(september.files.map((f) => f.fileName).sort()).toEqual([
      "ภาพประกอบ.pdf",
      "สขร1-ก.ย.67.pdf",
    ]);

    const { ids } = await editor.entries.copyFromLastYear({
      ...ref,
      sources: [
        { entryId: sep.id, attachmentIds: [file!.id] },
        { entryId: oct.id, attachmentIds: [] },
      ],
    });
    expect(ids).toHaveLength(2);
    const copy = await editor.entries.get({ entryId: ids[0]! });
    expect(copy).toMatchObject({ fiscalYear: FY, state: "draft", period: 12 });
    expect(copy.current?.title).toBe("สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนกันยายน พ.ศ. 2568");
    // Markdown for the editor, Thai-digit year moved on; never raw <p> tags.
    expect(copy.current?.descriptionSource).toBe("เทศบาลเผยแพร่ **สรุปผล** ปีงบประมาณ ๒๕๖๘");
    expect(copy.current?.descriptionHtml).toContain("<strong>สรุปผล</strong>");
    // The chosen file, by reference to the same stored blob; the other stays behind.
    expect(copy.attachments.map((a) => [a.fileName, a.sha256])).toEqual([
      ["สขร1-ก.ย.67.pdf", file!.sha256],
    ]);
    expect(other).toBeDefined();
    // A visible reminder, and a history line that does not repeat itself.
    expect(copy.copyToCheck).toMatchObject({ fromFiscalYear: FY - 1 });
    const copied = copy.history.find((h) => h.action === "copied")!;
    expect(copied.comment).toBe("สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนกันยายน พ.ศ. 2567");

    const october = await editor.entries.get({ entryId: ids[1]! });
    // October of FY 2567 was in BE 2566; this year's is in 2567.
    expect(october.current?.title).toBe("สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนตุลาคม พ.ศ. 2567");
    expect(october).toMatchObject({ period: 1 });
    expect(october.attachments).toEqual([]);
    // O21 expects a document: the copy without one says so; the one with a file does not.
    expect(october.missingEvidence).toEqual(["document"]);
    expect(copy.missingEvidence).toEqual([]);

    // Once saved (checked), the reminder goes.
    await editor.entries.save({ entryId: ids[0]!, title: copy.current!.title });
    expect((await editor.entries.get({ entryId: ids[0]! })).copyToCheck).toBeNull();
  });

  it("refuses another agency's entry as a source, and a file of another entry", async () => {
    const theirs = await createDisclosureEntry(w.db, {
      agencyId: w.agencyB.id,
      authorId: w.users.editorB.id,
      fiscalYear: FY - 1,
      itemCode: "O21",
      state: "published",
    });
    const mine = await lastYearMonth(2, "พฤศจิกายน", "2566");
    const [file] = await w.db
      .insert(attachments)
      .values({
        entryId: theirs.id,
        versionId: theirs.currentVersionId,
        fileName: "x.pdf",
        contentType: "application/pdf",
        sizeBytes: 1,
        sha256: "f".repeat(64),
        storageKey: "f".repeat(64),
      })
      .returning();
    const editor = await w.caller("editorA");
    const ref = { agencyId: w.agencyA.id, fiscalYear: FY, itemCode: "O21" };
    expect(
      await failure(
        editor.entries.copyFromLastYear({
          ...ref,
          sources: [{ entryId: theirs.id, attachmentIds: [] }],
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await failure(
        editor.entries.copyFromLastYear({
          ...ref,
          sources: [{ entryId: mine.id, attachmentIds: [file!.id] }],
        }),
      ),
    ).toBe("NOT_FOUND");
  });
});
