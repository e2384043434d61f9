import type { AddressInfo } from "node:net";
import { provinceReviewRounds, reviewReminders } from "@ita/db/schema";
import { createDisclosureEntry, describeEachDriver } from "@ita/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../authz/test-world.ts";
import { TASKS } from "../jobs/tasks.ts";
import { readMailEnv } from "../notifications/env.ts";
import { fakeSmtp } from "../testing/fake-smtp.ts";
import { reviewReminderMail, sendReviewReminders } from "./reminders.ts";

describeEachDriver("review reminders", (use) => {
  let w: World;
  const smtp = fakeSmtp();
  let url = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.server.listen(0, "127.0.0.1", resolve));
    url = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    // Monday 24 March 2025.
    w = await buildWorld(use().db, new Date("2025-03-24T03:00:00Z"));
    await createDisclosureEntry(w.db, {
      agencyId: w.agencyA.id,
      authorId: w.editorA2.id,
      itemCode: "O1",
      state: "published",
    });
    await w.db.insert(provinceReviewRounds).values([
      // Due this Friday: soon. Agency A published O1 but not O2.
      {
        provinceId: w.agencyA.provinceId,
        fiscalYear: 2568,
        number: 1,
        titleTh: "ครั้งที่ 1",
        deadline: "2025-03-28",
        itemCodes: ["O1", "O2"],
      },
      // Overdue since 1 March.
      {
        provinceId: w.agencyA.provinceId,
        fiscalYear: 2568,
        number: 2,
        titleTh: "ครั้งที่ 2",
        deadline: "2025-02-28",
        itemCodes: ["O3"],
      },
      // All published: nothing to remind. Far ahead: not yet.
      {
        provinceId: w.agencyA.provinceId,
        fiscalYear: 2568,
        number: 3,
        titleTh: "ครั้งที่ 3",
        deadline: "2025-03-31",
        itemCodes: ["O1"],
      },
      {
        provinceId: w.agencyA.provinceId,
        fiscalYear: 2568,
        number: 4,
        titleTh: "ครั้งที่ 4",
        deadline: "2025-06-30",
        itemCodes: ["O4"],
      },
    ]);
  }, 60_000);
  afterAll(() => new Promise<void>((resolve) => smtp.server.close(() => resolve())));

  it("reminds before a deadline and when overdue, in the app and by e-mail, never twice", async () => {
    const mailEnv = readMailEnv({ SMTP_URL: url, PUBLIC_URL: "https://ita.example.go.th" });
    const first = await sendReviewReminders({ db: w.db, now: w.now, mailEnv });
    expect(first.created).toBe(2);
    const rows = await w.db.select().from(reviewReminders);
    expect(rows.map((r) => [r.kind, r.missingCount]).sort()).toEqual([
      ["due-soon", 1],
      ["overdue", 1],
    ]);
    // Agency A's editors and administrator (editorA, adminA, editorA2, two people holding two roles).
    expect(first.emailed).toBeGreaterThanOrEqual(2);
    const mails = smtp.messages.join("\n");
    expect(mails).toContain(w.users.editorA.email);
    expect(mails).toContain(w.users.adminA.email);
    expect(mails).not.toContain(w.users.approverA.email);
    expect(mails).not.toContain(w.users.editorB.email);

    const again = await sendReviewReminders({ db: w.db, now: w.now, mailEnv });
    expect(again).toEqual({ created: 0, emailed: 0 });

    const editor = await w.caller("editorA");
    const list = await editor.notifications.list();
    expect(list.reminders.map((r) => r.kind).sort()).toEqual(["due-soon", "overdue"]);
    const approver = await w.caller("approverA");
    expect((await approver.notifications.list()).reminders).toEqual([]);
  });

  it("without SMTP the reminder is only in the app", async () => {
    await w.db.insert(provinceReviewRounds).values({
      provinceId: w.agencyB.provinceId,
      fiscalYear: 2568,
      number: 1,
      titleTh: "ครั้งที่ 1",
      deadline: "2025-03-25",
      itemCodes: ["O9"],
    });
    const before = smtp.messages.length;
    const r = await sendReviewReminders({ db: w.db, now: w.now, mailEnv: readMailEnv({}) });
    expect(r).toEqual({ created: 1, emailed: 0 });
    expect(smtp.messages.length).toBe(before);
  });
});

describe("the reminder's mail", () => {
  const round = { agencyNameTh: "อบต.เหล่ายาว", roundTitleTh: "ครั้งที่ 2", deadline: "2023-02-28" };
  const link = "https://ita.example.go.th/admin/agencies/x/2566";

  it("gives the deadline as a Buddhist-Era date, in Thai and in English, with the missing items", () => {
    const soon = reviewReminderMail("due-soon", round, ["O13", "O17"], link);
    expect(soon.subject).toBe("ใกล้ถึงกำหนดส่งข้อมูล ครั้งที่ 2 วันที่ 28 กุมภาพันธ์ 2566");
    expect(soon.text).toContain("ภายในวันที่ 28 กุมภาพันธ์ 2566 ยังไม่เผยแพร่ 2 ข้อ: O13, O17");
    expect(soon.text).toContain("28 February 2566 BE");
    expect(soon.text).not.toContain("2023");
    expect(soon.text.endsWith(link)).toBe(true);
  });

  it("says an overdue round has passed its deadline", () => {
    const late = reviewReminderMail("overdue", round, ["O13"], link);
    expect(late.subject).toBe("เลยกำหนดส่งข้อมูล ครั้งที่ 2 (ยังไม่เผยแพร่ 1 ข้อ)");
    expect(late.text).toContain("เลยกำหนดส่งข้อมูล ครั้งที่ 2 ของจังหวัดแล้ว (กำหนดวันที่ 28 กุมภาพันธ์ 2566)");
    expect(late.text).toContain("has passed");
    expect(late.text).not.toBe(reviewReminderMail("due-soon", round, ["O13"], link).text);
  });
});

describe("the reminder task", () => {
  it("runs on the PostgreSQL job queue every day at 08:00 in Bangkok, one at a time", () => {
    // Not a timer in a web process (issue 8): the pg-boss schedule, in UTC.
    expect(TASKS["review-reminders"].cron).toBe("0 1 * * *");
    expect(TASKS["review-reminders"].queue?.policy).toBe("singleton");
  });
});
