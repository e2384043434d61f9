import {
  auditLog,
  disclosureEntries,
  disclosureVersions,
  entryEvents,
  provinceReviewRounds,
  searchDocuments,
} from "@ita/db/schema";
import { createDisclosureEntry, describeEachDriver } from "@ita/db/testing";
import { DOMAIN_ERROR_MESSAGES } from "@ita/domain/errors";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";

const FY = 2568;

describeEachDriver("disclosure workflow", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
  }, 60_000);

  const failure = (p: Promise<unknown>) => p.then(() => "ok", errorCode);

  it("draft → submitted → returned with a comment → resubmitted → approved, public and searchable, history kept", async () => {
    const editor = await w.caller("editorA");
    const approver = await w.caller("approverA");
    const { id } = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "o28",
      title: "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต",
      description:
        '**โทร** 1205 <script>alert(1)</script> [เว็บไซต์](https://www.nacc.go.th) <a href="javascript:alert(1)">x</a>',
      links: [{ url: "https://www.example.go.th/complaint", label: "แบบฟอร์ม" }],
    });
    const draft = await editor.entries.get({ entryId: id });
    expect(draft.changesSincePublished).toBeNull();
    expect(draft.itemCode).toBe("O28");
    expect(draft.current?.descriptionHtml).toContain("<strong>โทร</strong>");
    expect(draft.current?.descriptionHtml).toContain('href="https://www.nacc.go.th"');
    expect(draft.current?.descriptionHtml).not.toMatch(/script|javascript/);
    // The clerk edits what they typed, not the generated HTML.
    expect(draft.current?.descriptionSource).toContain("**โทร** 1205");

    await editor.entries.submit({ entryId: id });
    expect(await failure(editor.entries.save({ entryId: id, title: "x" }))).toBe(
      "INVALID_TRANSITION",
    );
    expect(await failure(approver.entries.return({ entryId: id, comment: " " }))).toBe(
      "BAD_REQUEST",
    );
    await approver.entries.return({ entryId: id, comment: "โปรดระบุเบอร์โทรศัพท์ของหน่วยงาน" });
    expect(
      (await editor.notifications.list()).items.map((n) => [n.kind, n.entryId]),
    ).toContainEqual(["returned", id]);
    await editor.entries.save({
      entryId: id,
      title: "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต (ปรับปรุง)",
      description: "โทร 053-000000",
    });
    await editor.entries.submit({ entryId: id });
    expect((await approver.notifications.list()).items.map((n) => n.entryId)).toContain(id);
    expect((await editor.notifications.list()).items.map((n) => n.entryId)).not.toContain(id);

    const approved = await approver.entries.approve({ entryId: id });
    expect(approved.state).toBe("published");
    const [doc] = await w.db.select().from(searchDocuments).where(eq(searchDocuments.entryId, id));
    expect(doc?.title).toBe("ช่องทางแจ้งเรื่องร้องเรียนการทุจริต (ปรับปรุง)");
    const history = (await editor.entries.get({ entryId: id })).history
      .map((h) => h.action)
      .reverse();
    expect(history).toEqual(["created", "submitted", "returned", "saved", "submitted", "approved"]);
    expect(
      (await editor.entries.get({ entryId: id })).history.find((h) => h.action === "returned")
        ?.comment,
    ).toBe("โปรดระบุเบอร์โทรศัพท์ของหน่วยงาน");
  });

  it("an editor of the agency takes a submitted entry back to draft before review (ถอนกลับ), audited and in the history", async () => {
    const editor = await w.caller("editorA");
    const colleague = await w.callerForUser(w.editorA2.id);
    const approver = await w.caller("approverA");
    const { id } = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O11",
      title: "ข้อบังคับและระเบียบ",
    });
    await editor.entries.submit({ entryId: id });
    expect((await editor.entries.get({ entryId: id })).actions).toContain("withdrawSubmission");
    expect((await approver.entries.get({ entryId: id })).actions).not.toContain(
      "withdrawSubmission",
    );
    expect((await approver.notifications.list()).items.map((n) => n.entryId)).toContain(id);
    // Another agency's editor cannot; an approver (without the editor role) cannot either.
    const outsider = await w.caller("editorB");
    expect(await failure(outsider.entries.withdrawSubmission({ entryId: id }))).toBe("FORBIDDEN");
    expect(await failure(approver.entries.withdrawSubmission({ entryId: id }))).toBe("FORBIDDEN");

    // A colleague covering for the submitter may take it back.
    const taken = await colleague.entries.withdrawSubmission({ entryId: id });
    expect(taken).toEqual({ id, state: "draft" });
    const entry = await editor.entries.get({ entryId: id });
    expect(entry.state).toBe("draft");
    expect(entry.actions).toContain("submit");
    expect(entry.history[0]).toMatchObject({ action: "submission_withdrawn" });
    expect(entry.history.map((h) => h.action).reverse()).toEqual([
      "created",
      "submitted",
      "submission_withdrawn",
    ]);
    const audit = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "entry.withdrawSubmission")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: w.editorA2.id,
      before: { state: "submitted" },
      after: { state: "draft" },
    });
    // It no longer waits for the approver, and the clerk can edit it again.
    expect((await approver.notifications.list()).items.map((n) => n.entryId)).not.toContain(id);
    await editor.entries.save({ entryId: id, title: "ข้อบังคับและระเบียบ (ปรับปรุง)" });
    // Taking back a draft is refused with the translated "state changed" message.
    expect(await failure(editor.entries.withdrawSubmission({ entryId: id }))).toBe(
      "INVALID_TRANSITION",
    );
    expect(DOMAIN_ERROR_MESSAGES.INVALID_TRANSITION.th).toContain("โหลดหน้าใหม่");
  });

  it("refuses taking a submission back once an approver returned or approved it", async () => {
    const editor = await w.caller("editorA");
    const approver = await w.caller("approverA");
    const make = async (itemCode: string) =>
      (
        await editor.entries.create({
          agencyId: w.agencyA.id,
          fiscalYear: FY,
          itemCode,
          title: `รายการ ${itemCode}`,
        })
      ).id;
    const returned = await make("O12");
    await editor.entries.submit({ entryId: returned });
    await approver.entries.return({ entryId: returned, comment: "โปรดแนบไฟล์" });
    const approved = await make("O13");
    await editor.entries.submit({ entryId: approved });
    await approver.entries.approve({ entryId: approved });
    for (const entryId of [returned, approved]) {
      expect((await editor.entries.get({ entryId })).actions).not.toContain("withdrawSubmission");
      expect(await failure(editor.entries.withdrawSubmission({ entryId }))).toBe(
        "INVALID_TRANSITION",
      );
    }
    const [row] = await w.db
      .select()
      .from(disclosureEntries)
      .where(eq(disclosureEntries.id, approved));
    expect(row!.state).toBe("published");
  });

  it("refuses an approver approving an entry they wrote (four-eyes), even holding both roles", async () => {
    // approverA2 also becomes an editor of A for this test.
    const { roleAssignments } = await import("@ita/db/schema");
    await w.db
      .insert(roleAssignments)
      .values({ userId: w.approverA2.id, role: "editor", agencyId: w.agencyA.id });
    const both = await w.callerForUser(w.approverA2.id);
    const { id } = await both.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O1",
      title: "โครงสร้างหน่วยงาน",
    });
    await both.entries.submit({ entryId: id });
    expect((await both.entries.get({ entryId: id })).actions).not.toContain("approve");
    expect(await failure(both.entries.approve({ entryId: id }))).toBe("FOUR_EYES");
    // An approver who only edited someone else's draft is a contributor too.
    const other = await createDisclosureEntry(w.db, {
      agencyId: w.agencyA.id,
      authorId: w.users.editorA.id,
      itemCode: "O2",
    });
    await both.entries.save({ entryId: other.id, title: "ข้อมูลผู้บริหาร (แก้ไข)" });
    await both.entries.submit({ entryId: other.id });
    expect(await failure(both.entries.approve({ entryId: other.id }))).toBe("FOUR_EYES");
    await (await w.caller("approverA")).entries.approve({ entryId: other.id });
  });

  it("editing a published entry makes a new version that needs approval; the public keeps the approved one", async () => {
    const editor = await w.caller("editorA");
    const approver = await w.caller("approverA");
    const { id } = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O3",
      title: "อำนาจหน้าที่ ฉบับที่ 1",
    });
    await editor.entries.submit({ entryId: id });
    await approver.entries.approve({ entryId: id });
    const saved = await editor.entries.save({ entryId: id, title: "อำนาจหน้าที่ ฉบับที่ 2" });
    expect(saved.newVersion).toBe(true);
    const [entry] = await w.db.select().from(disclosureEntries).where(eq(disclosureEntries.id, id));
    expect(entry!.state).toBe("draft");
    expect(entry!.publishedVersionId).not.toBe(entry!.currentVersionId);
    const anonymous = await w.caller("anonymous");
    const page = await anonymous.agency.disclosures({ slug: w.agencyA.slug, fiscalYear: FY });
    const titles = page.categories.flatMap((c) =>
      c.items.flatMap((i) => i.entries.map((e) => e.title)),
    );
    expect(titles).toContain("อำนาจหน้าที่ ฉบับที่ 1");
    expect(titles).not.toContain("อำนาจหน้าที่ ฉบับที่ 2");
    await editor.entries.submit({ entryId: id });
    // The approver sees what changes against the public version.
    const review = await approver.entries.get({ entryId: id });
    expect(review.changesSincePublished?.title).toEqual([
      { kind: "same", text: "อำนาจหน้าที่ ฉบับที่ " },
      { kind: "removed", text: "1" },
      { kind: "added", text: "2" },
    ]);
    expect(review.changesSincePublished).toMatchObject({ filesAdded: [], filesRemoved: [] });
    await approver.entries.approve({ entryId: id });
    const versions = await w.db
      .select()
      .from(disclosureVersions)
      .where(eq(disclosureVersions.entryId, id));
    expect(versions.map((v) => v.title).sort()).toEqual(["อำนาจหน้าที่ ฉบับที่ 1", "อำนาจหน้าที่ ฉบับที่ 2"]);
    const [doc] = await w.db.select().from(searchDocuments).where(eq(searchDocuments.entryId, id));
    expect(doc?.title).toBe("อำนาจหน้าที่ ฉบับที่ 2");
  });

  it("unpublishes with a reason (kept, shown publicly, out of search) and never hard-deletes what was public", async () => {
    const editor = await w.caller("editorA");
    const approver = await w.caller("approverA");
    const { id } = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O4",
      title: "แผนพัฒนาท้องถิ่น",
    });
    await editor.entries.submit({ entryId: id });
    await approver.entries.approve({ entryId: id });
    expect(await failure(approver.entries.unpublish({ entryId: id, reason: "" }))).toBe(
      "BAD_REQUEST",
    );
    await approver.entries.unpublish({ entryId: id, reason: "เผยแพร่ผิดปีงบประมาณ" });
    const [entry] = await w.db.select().from(disclosureEntries).where(eq(disclosureEntries.id, id));
    expect(entry).toMatchObject({ state: "withdrawn", withdrawnReason: "เผยแพร่ผิดปีงบประมาณ" });
    expect(entry!.publishedVersionId).not.toBeNull();
    expect(
      await w.db.select().from(searchDocuments).where(eq(searchDocuments.entryId, id)),
    ).toHaveLength(0);
    await expect(
      w.db
        .delete(entryEvents)
        .where(eq(entryEvents.entryId, id))
        .then(() => w.db.delete(disclosureEntries).where(eq(disclosureEntries.id, id))),
    ).rejects.toThrow();
    await expect(
      w.db.delete(disclosureVersions).where(eq(disclosureVersions.entryId, id)),
    ).rejects.toThrow();
  });

  it("schedules publication: approved with a future date is not public until then", async () => {
    const editor = await w.caller("editorA");
    const approver = await w.caller("approverA");
    const { id } = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O6",
      title: "กฎหมายที่เกี่ยวข้อง (ตั้งเวลา)",
    });
    await editor.entries.submit({ entryId: id });
    const publishAt = new Date(w.now.getTime() + 7 * 86400000);
    expect((await approver.entries.approve({ entryId: id, publishAt })).publishedAt).toEqual(
      publishAt,
    );
    const page = await (
      await w.caller("anonymous")
    ).agency.disclosures({ slug: w.agencyA.slug, fiscalYear: FY });
    expect(
      page.categories.flatMap((c) => c.items.flatMap((i) => i.entries.map((e) => e.id))),
    ).not.toContain(id);
    const checklist = await editor.entries.checklist({ agencyId: w.agencyA.id, fiscalYear: FY });
    const o6 = checklist.categories.flatMap((c) => c.items).find((i) => i.code === "O6");
    expect(o6?.scheduledAt).toEqual(publishAt);
  });

  it("copies last year's entry as a new draft with the year moved on", async () => {
    await createDisclosureEntry(w.db, {
      agencyId: w.agencyA.id,
      authorId: w.users.editorA.id,
      fiscalYear: FY - 1,
      itemCode: "O19",
      state: "published",
      title: `แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ${FY - 1}`,
    });
    const editor = await w.caller("editorA");
    const { id } = await editor.entries.copyFromLastYear({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O19",
    });
    const copy = await editor.entries.get({ entryId: id });
    expect(copy).toMatchObject({ fiscalYear: FY, state: "draft" });
    expect(copy.current?.title).toBe(`แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ${FY}`);
    expect(
      await failure(
        editor.entries.copyFromLastYear({
          agencyId: w.agencyA.id,
          fiscalYear: FY,
          itemCode: "O20",
        }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("checklist: every framework item by category with state, due date, last touch, and a what-is-left filter", async () => {
    const editor = await w.caller("editorA");
    const list = await editor.entries.checklist({ agencyId: w.agencyA.id, fiscalYear: FY });
    expect(list.framework?.inherited).toBe(true);
    expect(list.categories).toHaveLength(7);
    const items = new Map(list.categories.flatMap((c) => c.items).map((i) => [i.code, i]));
    expect(items.size).toBe(list.total);
    expect(items.get("O28")?.status).toBe("published");
    expect(items.get("O28")?.lastTouched?.actorName).toBeTruthy();
    expect(items.get("O19")?.status).toBe("draft");
    expect(items.get("O43")?.status).toBe("missing");
    // Deadlines are the province's plan, not the criteria's: no plan, no deadlines.
    expect([...items.values()].filter((i) => i.dueDate !== null)).toEqual([]);
    const left = await editor.entries.checklist({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      onlyLeft: true,
    });
    const leftCodes = left.categories.flatMap((c) => c.items.map((i) => i.code));
    expect(leftCodes).toContain("O43");
    expect(leftCodes).not.toContain("O28");
    expect(list.counts.published).toBeGreaterThan(0);
  });

  it("checklist: due dates come from the agency's province's review plan for the year", async () => {
    await w.db.insert(provinceReviewRounds).values([
      {
        provinceId: w.agencyA.provinceId,
        fiscalYear: FY,
        number: 1,
        titleTh: "ครั้งที่ 1",
        deadline: "2025-01-31", // FY 2568 = Oct 2024 – Sep 2025
        itemCodes: ["O1", "O28"],
      },
      // Another year's plan and another province's plan do not count.
      {
        provinceId: w.agencyA.provinceId,
        fiscalYear: FY + 1,
        number: 1,
        titleTh: "ครั้งที่ 1",
        deadline: "2026-01-30",
        itemCodes: ["O2"],
      },
      {
        provinceId: w.agencyB.provinceId,
        fiscalYear: FY,
        number: 1,
        titleTh: "ครั้งที่ 1",
        deadline: "2025-02-14",
        itemCodes: ["O2"],
      },
    ]);
    const list = await (
      await w.caller("editorA")
    ).entries.checklist({ agencyId: w.agencyA.id, fiscalYear: FY });
    const items = new Map(list.categories.flatMap((c) => c.items).map((i) => [i.code, i]));
    expect(items.get("O1")).toMatchObject({ dueDate: "2025-01-31", reviewRound: 1, review: null });
    expect(items.get("O28")?.dueDate).toBe("2025-01-31");
    expect(items.get("O2")?.dueDate).toBeNull();
    const other = await (
      await w.caller("editorB")
    ).entries.checklist({ agencyId: w.agencyB.id, fiscalYear: FY });
    const otherItems = new Map(other.categories.flatMap((c) => c.items).map((i) => [i.code, i]));
    expect(otherItems.get("O2")?.dueDate).toBe("2025-02-14");
    expect(otherItems.get("O1")?.dueDate).toBeNull();
  });

  it("refuses an item that is not in the agency's framework", async () => {
    const editor = await w.caller("editorA");
    expect(
      await failure(
        editor.entries.create({
          agencyId: w.agencyA.id,
          fiscalYear: FY,
          itemCode: "O99",
          title: "x",
        }),
      ),
    ).toBe("INVALID_INPUT");
  });
});
