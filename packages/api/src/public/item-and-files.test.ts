import { seedReferenceData } from "@ita/db/seed";
import { createAgency, createPublicEntry, describeEachDriver } from "@ita/db/testing";
import { beforeAll, expect, it } from "vitest";
import { createContext } from "../context.ts";
import { createCaller } from "../index.ts";

const NOW = new Date("2026-11-22T03:00:00Z"); // fiscal year 2570
const HOUR = 3600_000;
const PDF = new TextEncoder().encode("%PDF-1.4\n% test\n");

describeEachDriver("item permalink and public files", (use) => {
  let slug = "";
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = use();
    await seedReferenceData(db);
    const agency = await createAgency(db, { type: "sao" });
    slug = agency.slug;
    const live = await createPublicEntry(db, {
      agencyId: agency.id,
      fiscalYear: 2568,
      itemCode: "O28",
      title: "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต",
      descriptionHtml: "<p>โทร 1205</p>",
      links: [{ url: "https://www.example.go.th/complaint", label: "แบบฟอร์ม" }],
      publishedAt: new Date(NOW.getTime() - 48 * HOUR),
      files: [{ fileName: "ช่องทาง.pdf", contentType: "application/pdf", bytes: PDF }],
    });
    ids.live = live.attachments[0]!.id;
    const withdrawn = await createPublicEntry(db, {
      agencyId: agency.id,
      fiscalYear: 2568,
      itemCode: "O28",
      title: "ประกาศที่ถอนแล้ว",
      publishedAt: new Date(NOW.getTime() - 72 * HOUR),
      withdrawn: { at: new Date(NOW.getTime() - 24 * HOUR), reason: "ข้อมูลไม่ถูกต้อง" },
      files: [{ fileName: "old.pdf", contentType: "application/pdf", bytes: PDF }],
    });
    ids.withdrawn = withdrawn.attachments[0]!.id;
    const draft = await createPublicEntry(db, {
      agencyId: agency.id,
      fiscalYear: 2568,
      itemCode: "O28",
      title: "ร่างที่ยังไม่เผยแพร่",
      publishedAt: null,
      files: [{ fileName: "draft.pdf", contentType: "application/pdf", bytes: PDF }],
    });
    ids.draft = draft.attachments[0]!.id;
    const scheduled = await createPublicEntry(db, {
      agencyId: agency.id,
      fiscalYear: 2568,
      itemCode: "O28",
      title: "ตั้งเวลาเผยแพร่ล่วงหน้า",
      publishedAt: new Date(NOW.getTime() + 24 * HOUR),
      files: [{ fileName: "later.pdf", contentType: "application/pdf", bytes: PDF }],
    });
    ids.scheduled = scheduled.attachments[0]!.id;
    await createPublicEntry(db, {
      agencyId: agency.id,
      fiscalYear: 2567,
      itemCode: "O28",
      title: "ของปีก่อน",
      publishedAt: new Date(NOW.getTime() - 400 * 24 * HOUR),
    });
  });

  const caller = async () => createCaller(await createContext({ db: use().db, now: () => NOW }));

  it("lists the published and the withdrawn entries of the item, newest first, and nothing else", async () => {
    const page = await (await caller()).public.item({ slug, fiscalYear: 2568, itemCode: "o28" });
    expect(page.item.code).toBe("O28");
    expect(page.item.titleTh).toContain("ช่องทางแจ้งเรื่องร้องเรียน");
    // The portal's complaint block finds this item by its tag, not by its code.
    expect(page.item.tag).toBe("complaint-channel");
    expect(page.entries.map((e) => e.title)).toEqual([
      "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต",
      "ประกาศที่ถอนแล้ว",
    ]);
    expect(page.publishedCount).toBe(1);
    const [live, gone] = page.entries;
    expect(live!.descriptionHtml).toBe("<p>โทร 1205</p>");
    expect(live!.links).toEqual([{ url: "https://www.example.go.th/complaint", label: "แบบฟอร์ม" }]);
    expect(live!.attachments).toEqual([
      {
        id: ids.live,
        fileName: "ช่องทาง.pdf",
        contentType: "application/pdf",
        sizeBytes: PDF.byteLength,
      },
    ]);
    expect(live!.withdrawn).toBeNull();
    expect(gone!.withdrawn).toEqual({
      at: new Date(NOW.getTime() - 24 * HOUR),
      reason: "ข้อมูลไม่ถูกต้อง",
    });
    expect(gone!.attachments).toEqual([]);
    expect(gone!.descriptionHtml).toBe("");
  });

  it("works for a year that inherits an earlier framework and says so", async () => {
    const page = await (await caller()).public.item({ slug, fiscalYear: 2570, itemCode: "O1" });
    expect(page.framework).toMatchObject({ key: "ita-2566", fiscalYear: 2566, inherited: true });
    expect(page.entries).toEqual([]);
  });

  it("answers NOT_FOUND for an unknown agency, item, a year without criteria or too far ahead", async () => {
    const c = await caller();
    await expect(
      c.public.item({ slug: "no-such-agency", fiscalYear: 2568, itemCode: "O28" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.public.item({ slug, fiscalYear: 2568, itemCode: "O99" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(c.public.item({ slug, fiscalYear: 2565, itemCode: "O28" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(c.public.item({ slug, fiscalYear: 2580, itemCode: "O28" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(c.public.item({ slug, fiscalYear: 2568, itemCode: "28" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("serves only files of the public version of a published, not withdrawn entry", async () => {
    const c = await caller();
    const file = await c.public.attachment({ id: ids.live! });
    expect(file).toMatchObject({
      fileName: "ช่องทาง.pdf",
      contentType: "application/pdf",
      sizeBytes: PDF.byteLength,
    });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const hidden of [ids.withdrawn, ids.draft, ids.scheduled, crypto.randomUUID()]) {
      await expect(c.public.attachment({ id: hidden! })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(c.public.attachment({ id: "not-a-uuid" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("shows a scheduled entry and its file once its time has come", async () => {
    const later = createCaller(
      await createContext({ db: use().db, now: () => new Date(NOW.getTime() + 25 * HOUR) }),
    );
    const page = await later.public.item({ slug, fiscalYear: 2568, itemCode: "O28" });
    expect(page.entries.map((e) => e.title)).toContain("ตั้งเวลาเผยแพร่ล่วงหน้า");
    await expect(later.public.attachment({ id: ids.scheduled! })).resolves.toMatchObject({
      fileName: "later.pdf",
    });
  });
});
