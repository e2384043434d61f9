import type { AddressInfo } from "node:net";
import { agencies, auditLog, complaintReminders, complaints } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { englishFieldErrors } from "../authz/field-error.ts";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";
import { readMailEnv } from "../notifications/env.ts";
import { fakeSmtp } from "../testing/fake-smtp.ts";
import { sendComplaintReminders } from "./deadline-reminders.ts";
import { fileComplaint } from "./file-complaint.ts";
import { complainantCtx, filing } from "./testing.ts";

/** A received mail's subject and text, decoded (nodemailer writes Thai as base64 or quoted-printable). */
function decodeMail(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split);
  let body = raw.slice(split + 4);
  if (/content-transfer-encoding: base64/i.test(head))
    body = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  else if (/content-transfer-encoding: quoted-printable/i.test(head))
    body = Buffer.from(
      body
        .replace(/=\r\n/g, "")
        .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      "latin1",
    ).toString("utf8");
  const words = head
    .replace(/\r\n\s+/g, " ")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    );
  return `${words}\n\n${body}`;
}

describeEachDriver("complaints: deadlines per agency and reminders", (use) => {
  let w: World;
  const smtp = fakeSmtp();
  let url = "";
  let agencyNameTh = "";
  // Filed Friday 7 March 2025, 10:00 in Bangkok.
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.server.listen(0, "127.0.0.1", resolve));
    url = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    w = await buildWorld(use().db, new Date("2025-03-07T03:00:00Z"));
    const [a] = await w.db.select().from(agencies).where(eq(agencies.id, w.agencyA.id));
    agencyNameTh = a!.nameTh;
  }, 60_000);
  afterAll(() => new Promise<void>((resolve) => smtp.server.close(() => resolve())));

  let before: { reference: string; description: string };
  let after: { reference: string; receiptCode: string };

  it("are set by the agency administrator, validated in Thai and English, audited, and apply to complaints filed afterwards", async () => {
    // Filed under the defaults: acknowledge by Wed 12 March, decide by Fri 18 April.
    const input = await filing(w, w.agencyA.id);
    const first = await fileComplaint({ ctx: complainantCtx(w), input });
    before = { reference: first.reference, description: input.description };

    const admin = await w.caller("adminA");
    const profile = await admin.agencyAdmin.profile({ agencyId: w.agencyA.id });
    expect(profile.complaintAcknowledgeWorkingDays).toBe(3);
    expect(profile.complaintDecideWorkingDays).toBe(30);
    const base = { agencyId: w.agencyA.id, nameTh: profile.nameTh };
    const fieldErrors = async (input: Record<string, unknown>) => {
      const error = (await admin.agencyAdmin
        .updateProfile({ ...base, ...input })
        .catch((e: unknown) => e)) as { cause: z.ZodError };
      expect(errorCode(error)).toBe("BAD_REQUEST");
      const th: Record<string, string[] | undefined> = z.flattenError(error.cause).fieldErrors;
      return { th, en: englishFieldErrors(error.cause) };
    };
    const order = await fieldErrors({
      complaintAcknowledgeWorkingDays: 10,
      complaintDecideWorkingDays: 5,
    });
    expect(order.th.complaintDecideWorkingDays).toEqual([
      "กำหนดพิจารณาให้แล้วเสร็จต้องไม่น้อยกว่ากำหนดตอบรับเรื่อง",
    ]);
    expect(order.en.complaintDecideWorkingDays).toEqual([
      "The time to decide cannot be shorter than the time to acknowledge.",
    ]);
    // Only one given: checked against the stored other (31 is past the maximum of 30).
    expect((await fieldErrors({ complaintAcknowledgeWorkingDays: 31 })).en).toHaveProperty(
      "complaintAcknowledgeWorkingDays",
    );
    const zero = await fieldErrors({
      complaintAcknowledgeWorkingDays: 0,
      complaintDecideWorkingDays: 30,
    });
    expect(zero.en.complaintAcknowledgeWorkingDays![0]).toContain("at least 1 working day");

    const saved = await admin.agencyAdmin.updateProfile({
      ...base,
      complaintAcknowledgeWorkingDays: 1,
      complaintDecideWorkingDays: 10,
    });
    expect(saved).toMatchObject({
      complaintAcknowledgeWorkingDays: 1,
      complaintDecideWorkingDays: 10,
    });
    const audits = await w.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "agency.profile_updated"), eq(auditLog.targetId, w.agencyA.id)),
      );
    expect(audits.at(-1)?.before).toMatchObject({ complaintAcknowledgeWorkingDays: 3 });
    expect(audits.at(-1)?.after).toMatchObject({
      complaintAcknowledgeWorkingDays: 1,
      complaintDecideWorkingDays: 10,
    });
    // A profile saved without them keeps them.
    await admin.agencyAdmin.updateProfile(base);
    expect(await admin.agencyAdmin.profile({ agencyId: w.agencyA.id })).toMatchObject({
      complaintAcknowledgeWorkingDays: 1,
      complaintDecideWorkingDays: 10,
    });
    // An editor cannot change them (the profile is the administrator's).
    const editor = await w.caller("editorA");
    expect(
      errorCode(
        await editor.agencyAdmin
          .updateProfile({ ...base, complaintAcknowledgeWorkingDays: 2 })
          .catch((e: unknown) => e),
      ),
    ).toBe("FORBIDDEN");

    const second = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyA.id),
    });
    after = { reference: second.reference, receiptCode: second.receiptCode };
    const rows = await w.db.select().from(complaints).where(eq(complaints.agencyId, w.agencyA.id));
    const byRef = new Map(rows.map((r) => [r.reference, r]));
    // The older case keeps its deadlines; the new one has the agency's: Monday 10 and Friday 21 March.
    expect(byRef.get(before.reference)!.acknowledgeBy.toISOString()).toBe(
      "2025-03-12T16:59:59.999Z",
    );
    expect(byRef.get(after.reference)!.acknowledgeBy.toISOString()).toBe(
      "2025-03-10T16:59:59.999Z",
    );
    expect(byRef.get(after.reference)!.decideBy.toISOString()).toBe("2025-03-21T16:59:59.999Z");

    // The inbox and the case show the next deadline and whether it is overdue.
    const officer = await w.caller("officerA");
    const inbox = await officer.complaints.inbox({ agencyId: w.agencyA.id });
    const listed = inbox.find((c) => c.reference === after.reference)!;
    expect(listed.next).toEqual({
      kind: "acknowledge",
      by: byRef.get(after.reference)!.acknowledgeBy,
    });
    expect(listed.overdue).toBeNull();
  });

  it("remind the agency's complaint officers before a deadline, in the app and by e-mail that says nothing about the case, never twice", async () => {
    const mailEnv = readMailEnv({ SMTP_URL: url, PUBLIC_URL: "https://ita.example.go.th" });
    // Friday 7 March: the new case must be acknowledged by Monday, the next working day.
    const first = await sendComplaintReminders({ db: w.db, now: w.now, mailEnv });
    expect(first).toEqual({ created: 1, emailed: 1 });
    const rows = await w.db.select().from(complaintReminders);
    expect(rows.map((r) => r.kind)).toEqual(["acknowledge-soon"]);
    expect(smtp.messages).toHaveLength(1);
    const raw = smtp.messages[0]!;
    expect(raw).toContain(w.users.officerA.email);
    for (const other of [w.users.adminA, w.users.editorA, w.users.sysadmin])
      expect(raw).not.toContain(other.email);
    const mail = decodeMail(raw);
    expect(mail).toContain(agencyNameTh);
    // The date in the Buddhist Era, and a link to the agency's inbox in the admin.
    expect(mail).toContain("10 มีนาคม 2568");
    expect(mail).toContain(`https://ita.example.go.th/admin/agencies/${w.agencyA.id}/complaints`);
    // Nothing of the case: no reference, text, subject, receipt code or case id.
    expect(mail).not.toContain(after.reference);
    expect(mail).not.toContain(before.description.slice(0, 20));
    expect(mail).not.toContain("สินบน");
    expect(mail).not.toContain(after.receiptCode);
    expect(mail).not.toContain(rows[0]!.complaintId);

    expect(await sendComplaintReminders({ db: w.db, now: w.now, mailEnv })).toEqual({
      created: 0,
      emailed: 0,
    });
    expect(smtp.messages).toHaveLength(1);

    const officer = await w.caller("officerA");
    const list = await officer.notifications.list();
    expect(list.complaintReminders.map((r) => [r.reference, r.kind])).toEqual([
      [after.reference, "acknowledge-soon"],
    ]);
    expect(list.count).toBe(1);
    for (const actor of ["adminA", "editorA", "sysadmin", "coordinatorA"] as const)
      expect((await (await w.caller(actor)).notifications.list()).complaintReminders).toEqual([]);
  });

  it("remind once overdue; without SMTP only in the app; an acknowledged case's reminder goes away", async () => {
    const sent = smtp.messages.length;
    // Tuesday 11 March: the new case is overdue, the older one due tomorrow.
    const tuesday = new Date("2025-03-11T02:00:00Z");
    const r = await sendComplaintReminders({ db: w.db, now: tuesday, mailEnv: readMailEnv({}) });
    expect(r).toEqual({ created: 2, emailed: 0 });
    expect(smtp.messages.length).toBe(sent);

    const officer = await w.caller("officerA");
    const list = await officer.notifications.list();
    expect(list.complaintReminders.map((x) => [x.reference, x.kind]).sort()).toEqual(
      [
        [after.reference, "acknowledge-overdue"],
        [before.reference, "acknowledge-soon"],
      ].sort(),
    );
    const inbox = await officer.complaints.inbox({ agencyId: w.agencyA.id, overdueOnly: true });
    // The world's clock is still Friday: nothing is overdue yet in the inbox.
    expect(inbox).toEqual([]);

    const [overdue] = await w.db
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.reference, after.reference));
    await officer.complaints.move({ complaintId: overdue!.id, to: "screening" });
    const again = await officer.notifications.list();
    expect(again.complaintReminders.map((x) => x.reference)).toEqual([before.reference]);
  });
});
