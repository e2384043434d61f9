import { disclosureEntries, searchDocuments } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { englishFieldErrors } from "../authz/field-error.ts";
import { createCaller } from "../index.ts";
import { buildWorld, contextFor, errorCode, type World } from "../authz/test-world.ts";
import { publishDueVersions } from "./publish-due.ts";

const FY = 2568;
const DAY = 86_400_000;

describeEachDriver("publication dates and schedules", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
  }, 60_000);

  const at = (days: number) => new Date(w.now.getTime() + days * DAY);
  const publicAt = async (date: Date) => createCaller(await contextFor(w.db, null, date));
  const rowOf = async (id: string) =>
    (await w.db.select().from(disclosureEntries).where(eq(disclosureEntries.id, id)))[0]!;
  const searchTitle = async (id: string) =>
    (await w.db.select().from(searchDocuments).where(eq(searchDocuments.entryId, id)))[0]?.title;

  /** A submitted entry of agency A, by editor A. */
  async function submitted(itemCode: string, title: string) {
    const editor = await w.caller("editorA");
    const { id } = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode,
      title,
    });
    await editor.entries.submit({ entryId: id });
    return id;
  }

  /** A public entry whose next version (with `title`) waits for approval. */
  async function revisionWaiting(itemCode: string, first: string, title: string) {
    const id = await submitted(itemCode, first);
    await (await w.caller("approverA")).entries.approve({ entryId: id });
    const editor = await w.caller("editorA");
    await editor.entries.save({ entryId: id, title });
    await editor.entries.submit({ entryId: id });
    return id;
  }

  it("refuses a backdated publication date and one more than a year ahead, changing nothing", async () => {
    const id = await submitted("O7", "ข้อมูลย้อนหลัง");
    const approver = await w.caller("approverA");
    for (const publishAt of [at(-30), at(400)]) {
      const error = await approver.entries.approve({ entryId: id, publishAt }).catch((e) => e);
      expect(errorCode(error)).toBe("BAD_REQUEST");
      const fieldErrors: Record<string, string[] | undefined> = z.flattenError(
        error.cause,
      ).fieldErrors;
      expect(fieldErrors.publishAt?.[0]).toMatch(/เผยแพร่/);
      expect(englishFieldErrors(error.cause).publishAt?.[0]).toMatch(/past|ahead/);
    }
    expect(await rowOf(id)).toMatchObject({ state: "submitted", publishedVersionId: null });
    // A time a few minutes ago (the form's minute precision) means now.
    const { publishedAt } = await approver.entries.approve({
      entryId: id,
      publishAt: new Date(w.now.getTime() - 2 * 60_000),
    });
    expect(publishedAt).toEqual(w.now);
  });

  it("a revision approved for later leaves the public version public until its time, then takes over", async () => {
    const id = await revisionWaiting("O8", "แผนฉบับเดิม", "แผนฉบับปรับปรุง");
    const firstPublished = (await rowOf(id)).publishedAt;
    const approver = await w.caller("approverA");
    const result = await approver.entries.approve({ entryId: id, publishAt: at(7) });
    expect(result.publishedAt).toEqual(firstPublished);

    const seen = async (date: Date) => {
      const anon = await publicAt(date);
      const page = await anon.public.item({ slug: w.agencyA.slug, fiscalYear: FY, itemCode: "O8" });
      const feed = await anon.public.feed({ slug: w.agencyA.slug });
      return {
        page: page.entries.map((e) => [e.title, e.publishedAt]),
        feed: feed.entries.filter((e) => e.id === id).map((e) => e.title),
        search: await searchTitle(id),
      };
    };
    expect(await seen(at(1))).toEqual({
      page: [["แผนฉบับเดิม", firstPublished]],
      feed: ["แผนฉบับเดิม"],
      search: "แผนฉบับเดิม",
    });
    const editor = await w.caller("editorA");
    expect((await editor.entries.get({ entryId: id })).scheduledAt).toEqual(at(7));

    expect(await publishDueVersions({ db: w.db, now: at(6) })).toBe(0);
    expect(await publishDueVersions({ db: w.db, now: at(7.01) })).toBe(1);
    expect(await seen(at(7.02))).toEqual({
      page: [["แผนฉบับปรับปรุง", firstPublished]],
      feed: ["แผนฉบับปรับปรุง"],
      search: "แผนฉบับปรับปรุง",
    });
    expect(await rowOf(id)).toMatchObject({ scheduledVersionId: null, publishAt: null });
    expect(await publishDueVersions({ db: w.db, now: at(8) })).toBe(0);
  });

  it("a withdrawn entry scheduled to return stays withdrawn until then and is dated from its return", async () => {
    const id = await revisionWaiting("O9", "ข้อมูลที่ถอน", "ข้อมูลที่แก้แล้ว");
    const approver = await w.caller("approverA");
    await approver.entries.unpublish({ entryId: id, reason: "มีข้อมูลส่วนบุคคล" });
    // Unpublishing again after a scheduled approval cancels the schedule.
    await approver.entries.approve({ entryId: id, publishAt: at(3) });
    const item = async (date: Date) =>
      (await publicAt(date)).public.item({ slug: w.agencyA.slug, fiscalYear: FY, itemCode: "O9" });
    expect((await item(at(1))).entries.map((e) => e.withdrawn?.reason)).toEqual(["มีข้อมูลส่วนบุคคล"]);
    await publishDueVersions({ db: w.db, now: at(3) });
    const back = await item(at(3));
    expect(back.entries.map((e) => [e.title, e.withdrawn, e.publishedAt])).toEqual([
      ["ข้อมูลที่แก้แล้ว", null, at(3)],
    ]);
  });

  it("withdrawing an entry cancels its scheduled revision", async () => {
    const id = await revisionWaiting("O10", "ฉบับเผยแพร่", "ฉบับตั้งเวลา");
    const approver = await w.caller("approverA");
    await approver.entries.approve({ entryId: id, publishAt: at(2) });
    await approver.entries.unpublish({ entryId: id, reason: "ยกเลิก" });
    expect(await publishDueVersions({ db: w.db, now: at(3) })).toBe(0);
    expect(await rowOf(id)).toMatchObject({ state: "withdrawn", scheduledVersionId: null });
  });

  it("the files of a scheduled version cannot be removed in place", async () => {
    const id = await revisionWaiting("O11", "ฉบับแรก", "ฉบับที่สอง");
    await (await w.caller("approverA")).entries.approve({ entryId: id, publishAt: at(2) });
    const row = await rowOf(id);
    expect(row.currentVersionId).toBe(row.scheduledVersionId);
    // Saving starts a new version: the scheduled one keeps what was approved.
    await (await w.caller("editorA")).entries.save({ entryId: id, title: "ฉบับที่สาม" });
    const after = await rowOf(id);
    expect(after.currentVersionId).not.toBe(after.scheduledVersionId);
  });

  it("an entry scheduled for later does not make its fiscal year available on the agency page yet", async () => {
    const editor = await w.caller("editorA");
    const { id } = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY + 1,
      itemCode: "O12",
      title: "ข้อมูลปีงบประมาณหน้า",
    });
    await editor.entries.submit({ entryId: id });
    await (await w.caller("approverA")).entries.approve({ entryId: id, publishAt: at(5) });
    const years = async (date: Date) =>
      (await (await publicAt(date)).agency.disclosures({ slug: w.agencyA.slug })).availableYears;
    expect(await years(at(1))).not.toContain(FY + 1);
    expect(await years(at(6))).toContain(FY + 1);
  });

  it("copies last year's published version, never an unreviewed draft or a withdrawn text", async () => {
    const editor = await w.caller("editorA");
    const approver = await w.caller("approverA");
    // Last year: a published entry whose newer draft nobody has reviewed …
    const { id: published } = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY - 1,
      itemCode: "O13",
      title: `แผนปฏิบัติการ ${FY - 1}`,
    });
    await editor.entries.submit({ entryId: published });
    await approver.entries.approve({ entryId: published });
    await editor.entries.save({ entryId: published, title: "ร่างที่ยังไม่ผ่านการตรวจ" });
    // … and a draft alone for another item.
    await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY - 1,
      itemCode: "O14",
      title: "ร่างที่ไม่เคยเผยแพร่",
    });
    const { id } = await editor.entries.copyFromLastYear({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O13",
    });
    expect((await editor.entries.get({ entryId: id })).current?.title).toBe(`แผนปฏิบัติการ ${FY}`);
    const draftOnly = editor.entries.copyFromLastYear({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O14",
    });
    expect(await draftOnly.then(() => "ok", errorCode)).toBe("NOT_FOUND");
  });
});
