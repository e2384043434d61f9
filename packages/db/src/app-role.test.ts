import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { APP_ROLE, queryRows } from "./client.ts";
import {
  attachments,
  auditLog,
  complaintEvents,
  complaints,
  disclosureVersions,
} from "./schema/index.ts";
import {
  createAgency,
  createDisclosureEntry,
  createPublicEntry,
  createUser,
} from "./testing/factories.ts";
import { describeEachDriver } from "./testing/index.ts";

/** PostgreSQL's insufficient_privilege: a missing grant, or a trigger's refusal. */
const refused = { cause: expect.objectContaining({ code: "42501" }) };

// The application's handle works as `ita_app` (migration 0019). PGlite has one role
// for the one process that may open it: there these rights are not separated.
describeEachDriver("the application's database role", (use, driver) => {
  const onServer = it.skipIf(driver === "pglite");

  onServer("the app connection works as ita_app, even after RESET ROLE", async () => {
    const { db } = use();
    const who = async () =>
      (await queryRows<{ u: string }>(db, sql`select current_user as u`))[0]!.u;
    expect(await who()).toBe(APP_ROLE);
    await db.execute(sql`reset role`);
    expect(await who()).toBe(APP_ROLE);
  });

  onServer(
    "appends to and reads the audit log, but cannot rewrite it or switch its trigger off",
    async () => {
      const { db } = use();
      await db.insert(auditLog).values({ action: "test.role", actorLabel: "test" });
      await expect(db.update(auditLog).set({ action: "tampered" })).rejects.toMatchObject(refused);
      await expect(db.delete(auditLog)).rejects.toMatchObject(refused);
      await expect(db.execute(sql`truncate audit_log`)).rejects.toMatchObject(refused);
      await expect(
        db.execute(sql`alter table audit_log disable trigger audit_log_no_update`),
      ).rejects.toMatchObject(refused);
      await expect(
        db.execute(sql`drop trigger audit_log_no_update on audit_log`),
      ).rejects.toMatchObject(refused);
      const rows = await queryRows<{ action: string }>(
        db,
        sql`select action from audit_log where action like 'test.%'`,
      );
      expect(rows.map((r) => r.action)).toEqual(["test.role"]);
    },
  );

  onServer(
    "cannot change a published version or its files in place; a draft stays editable",
    async () => {
      const { db } = use();
      const agency = await createAgency(db);
      const published = await createPublicEntry(db, {
        agencyId: agency.id,
        fiscalYear: 2568,
        itemCode: "O1",
        title: "โครงสร้างหน่วยงาน",
        files: [{ fileName: "a.pdf", contentType: "application/pdf", bytes: new Uint8Array([1]) }],
      });
      const version = { id: published.versionId };
      await expect(
        db
          .update(disclosureVersions)
          .set({ title: "แก้ไขย้อนหลัง" })
          .where(eq(disclosureVersions.id, version!.id)),
      ).rejects.toMatchObject(refused);
      await expect(
        db
          .update(attachments)
          .set({ fileName: "b.pdf" })
          .where(eq(attachments.versionId, version!.id)),
      ).rejects.toMatchObject(refused);
      await expect(
        db.delete(attachments).where(eq(attachments.versionId, version!.id)),
      ).rejects.toMatchObject(refused);
      // Text extracted later may still be filled in.
      await db
        .update(attachments)
        .set({ extractedText: "ข้อความ" })
        .where(eq(attachments.versionId, version!.id));

      const author = await createUser(db);
      const draft = await createDisclosureEntry(db, {
        agencyId: agency.id,
        authorId: author.id,
        fiscalYear: 2568,
        itemCode: "O2",
        title: "ร่าง",
      });
      await db
        .update(disclosureVersions)
        .set({ title: "ร่างที่แก้แล้ว" })
        .where(eq(disclosureVersions.id, draft.currentVersionId));
    },
  );

  onServer("cannot change the schema", async () => {
    await expect(use().db.execute(sql`create table intruder (id int)`)).rejects.toMatchObject(
      refused,
    );
  });

  // The trigger holds for every role, so this runs on PGlite too.
  it("keeps a complaint's timeline append-only; retention may only erase a body", async () => {
    const { db } = use();
    const agency = await createAgency(db);
    const now = new Date();
    const [complaint] = await db
      .insert(complaints)
      .values({
        agencyId: agency.id,
        fiscalYear: 2568,
        reference: "2568/0001",
        subject: "bribery",
        receiptHash: `test-${crypto.randomUUID()}`,
        formTokenHash: `test-${crypto.randomUUID()}`,
        kekId: "test",
        wrappedKey: new Uint8Array([1]),
        isAnonymous: true,
        acknowledgeBy: now,
        decideBy: now,
      })
      .returning({ id: complaints.id });
    const [event] = await db
      .insert(complaintEvents)
      .values({
        complaintId: complaint!.id,
        kind: "message",
        author: "officer",
        body: new Uint8Array([1, 2, 3]),
      })
      .returning({ id: complaintEvents.id });
    const one = eq(complaintEvents.id, event!.id);
    await expect(db.update(complaintEvents).set({ kind: "note" }).where(one)).rejects.toMatchObject(
      refused,
    );
    await expect(
      db
        .update(complaintEvents)
        .set({ body: new Uint8Array([9]) })
        .where(one),
    ).rejects.toMatchObject(refused);
    await expect(db.delete(complaintEvents).where(one)).rejects.toMatchObject(refused);
    await db.update(complaintEvents).set({ body: null }).where(one);
    const [after] = await db.select().from(complaintEvents).where(one);
    expect(after).toMatchObject({ kind: "message", author: "officer", body: null });
  });

  onServer("cannot truncate a complaint's timeline", async () => {
    await expect(use().db.execute(sql`truncate complaint_events`)).rejects.toMatchObject(refused);
  });
});
