import { auditLog, complaints, publicHolidays } from "@ita/db/schema";
import { createAgency, describeEachDriver } from "@ita/db/testing";
import { eq, inArray } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";
import { createContext } from "../context.ts";
import { createCaller } from "../index.ts";
import { forgetCachedQueries } from "../public/db-cache.ts";
import { resetComplaintRates } from "../complaints/client-throttle.ts";
import { fileComplaint } from "../complaints/file-complaint.ts";
import { complainantCtx, filing } from "../complaints/testing.ts";
import { sendReviewReminders } from "../oversight/reminders.ts";
import { loadHolidays } from "./load-holidays.ts";

/** Thursday 9 April 2026, 10:00 in Bangkok: the working days after it run into Songkran. */
const BEFORE_SONGKRAN = new Date("2026-04-09T03:00:00Z");

describeEachDriver(
  "public holidays: data kept by system administrators, skipped by deadlines",
  (use) => {
    let w: World;
    beforeAll(async () => {
      w = await buildWorld(use().db, BEFORE_SONGKRAN);
    }, 60_000);
    beforeEach(() => resetComplaintRates());

    const file = async () => {
      const filed = await fileComplaint({
        ctx: complainantCtx(w),
        input: await filing(w, w.agencyA.id),
      });
      const [row] = await w.db
        .select()
        .from(complaints)
        .where(eq(complaints.reference, filed.reference));
      return row!;
    };

    it("comes with the announced holidays of 2569, listed per year in date order", async () => {
      const sysadmin = await w.caller("sysadmin");
      const april = (await sysadmin.holidays.list({ year: 2026 })).filter((h) =>
        h.date.startsWith("2026-04"),
      );
      expect(april.map((h) => h.date)).toEqual([
        "2026-04-06",
        "2026-04-13",
        "2026-04-14",
        "2026-04-15",
      ]);
      expect(april[1]).toMatchObject({ nameTh: "วันสงกรานต์", nameEn: "Songkran Festival" });
      expect(await sysadmin.holidays.list({ year: 2031 })).toEqual([]);
    });

    it("moves a complaint's acknowledgement past Songkran (3 working days from Thursday 9 April: Friday 17)", async () => {
      const row = await file();
      // Weekends alone would give Tuesday 14 April.
      expect(row.acknowledgeBy.toISOString()).toBe("2026-04-17T16:59:59.999Z");
    });

    it("adds, renames and removes a holiday (audited), and the next deadline counts it at once", async () => {
      const sysadmin = await w.caller("sysadmin");
      // A special holiday on Friday 17 April (not announced: a test's own).
      await sysadmin.holidays.save({ date: "2569-04-17", nameTh: "วันหยุดพิเศษทดสอบ" });
      expect((await file()).acknowledgeBy.toISOString()).toBe("2026-04-20T16:59:59.999Z");
      await sysadmin.holidays.save({
        date: "2026-04-17",
        nameTh: "วันหยุดพิเศษ",
        nameEn: "Special holiday",
      });
      expect(
        (await sysadmin.holidays.list({ year: 2026 })).find((h) => h.date === "2026-04-17"),
      ).toEqual({ date: "2026-04-17", nameTh: "วันหยุดพิเศษ", nameEn: "Special holiday" });
      await sysadmin.holidays.remove({ date: "2026-04-17" });
      expect((await file()).acknowledgeBy.toISOString()).toBe("2026-04-17T16:59:59.999Z");
      expect(
        errorCode(await sysadmin.holidays.remove({ date: "2026-04-17" }).catch((e: unknown) => e)),
      ).toBe("NOT_FOUND");

      const audit = await w.db
        .select()
        .from(auditLog)
        .where(inArray(auditLog.action, ["holiday.saved", "holiday.removed"]));
      expect(audit.filter((a) => a.targetId === "2026-04-17").map((a) => a.action)).toEqual([
        "holiday.saved",
        "holiday.saved",
        "holiday.removed",
      ]);
      const renamed = audit.filter((a) => a.targetId === "2026-04-17")[1]!;
      expect(renamed.before).toEqual({ nameTh: "วันหยุดพิเศษทดสอบ", nameEn: null });
      expect(renamed.actorId).not.toBeNull();
    });

    it("forgets only the holidays after a change: the portal's other cached reads stay until a public change", async () => {
      const sysadmin = await w.caller("sysadmin");
      const publicCaller = createCaller(await createContext({ db: w.db }));
      expect(await loadHolidays(w.db)).not.toContain("2026-05-29");
      const before = await publicCaller.public.provinces();
      await createAgency(w.db, { provinceId: w.agencyA.provinceId });

      await sysadmin.holidays.save({ date: "2026-05-29", nameTh: "วันหยุดพิเศษทดสอบ" });
      expect(await loadHolidays(w.db)).toContain("2026-05-29");
      expect(await publicCaller.public.provinces()).toEqual(before);
      // The province list was indeed stale: a public change (forgetting every cache) shows it.
      forgetCachedQueries();
      expect(await publicCaller.public.provinces()).not.toEqual(before);

      await sysadmin.holidays.remove({ date: "2026-05-29" });
      expect(await loadHolidays(w.db)).not.toContain("2026-05-29");
    });

    it("imports a CSV (BE or CE years) whole, or nothing with the problems per line in Thai and English", async () => {
      const sysadmin = await w.caller("sysadmin");
      const bad = await sysadmin.holidays.import({
        csv: "date,nameTh,nameEn\n2570-01-01,วันขึ้นปีใหม่,New Year's Day\n2570-02-30,วันผิด,Wrong\n2027-03-01,,No name\n",
      });
      expect(bad.ok).toBe(false);
      if (bad.ok) return;
      expect(bad.problems.map((p) => p.line)).toEqual([3, 4]);
      expect(bad.problems[0]!.th).toContain("ปปปป-ดด-วว");
      expect(bad.problems[0]!.en).toContain("yyyy-mm-dd");
      expect(bad.problems[1]!.en).toBe("Enter the holiday's Thai name.");
      expect(await sysadmin.holidays.list({ year: 2027 })).toEqual([]);

      const good = await sysadmin.holidays.import({
        csv: "\uFEFFdate,nameTh,nameEn\n2570-01-01,วันขึ้นปีใหม่,New Year's Day\n2027-04-13,วันสงกรานต์,\n",
      });
      expect(good).toEqual({ ok: true, saved: 2 });
      expect(await sysadmin.holidays.list({ year: 2027 })).toEqual([
        { date: "2027-01-01", nameTh: "วันขึ้นปีใหม่", nameEn: "New Year's Day" },
        { date: "2027-04-13", nameTh: "วันสงกรานต์", nameEn: null },
      ]);
      const missingHeader = await sysadmin.holidays.import({ csv: "when,name\n2027-05-01,x\n" });
      expect(missingHeader.ok).toBe(false);
      await w.db
        .delete(publicHolidays)
        .where(inArray(publicHolidays.date, ["2027-01-01", "2027-04-13"]));
    });

    it("runs the review reminder task with the holidays loaded", async () => {
      // Nothing to remind in this world; the task runs with the holidays loaded.
      await expect(sendReviewReminders({ db: w.db, now: BEFORE_SONGKRAN })).resolves.toMatchObject({
        emailed: 0,
      });
    });
  },
);
