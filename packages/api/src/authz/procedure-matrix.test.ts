/**
 * Authorisation matrix: EVERY procedure of appRouter, called as every actor against
 * agency A's and agency B's data, must be allowed or denied exactly as its row says.
 * A procedure without a row fails the suite — add a row when you add a procedure
 * (public procedures: `PUBLIC`, optionally with an input). Actors include people with
 * roles in both agencies; procedures that take more than one id also get `MIXED` rows
 * (agency A's id with agency B's person, grant or officer).
 */
import {
  agencies,
  attachments,
  complaints,
  frameworkItems,
  frameworks,
  integrityMeasureProgress,
  integrityMeasures,
  itaResults,
  pendingRoles,
  provinceReviewRounds,
  publicHolidays,
  roleAssignments,
  users,
} from "@ita/db/schema";
import { AGENCY_TYPES } from "@ita/domain/agency-types";
import { createDisclosureEntry, createUser, describeEachDriver } from "@ita/db/testing";
import type { AgencyRole } from "@ita/domain/roles";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createSession } from "../auth/sessions.ts";
import { createFileStore } from "@ita/db/files";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { attachDraftEvidence } from "../complaints/draft-evidence.ts";
import { useComplaintFileStore } from "../complaints/evidence-files.ts";
import { useEntryFileStore } from "../uploads/entry-files.ts";
import { fileComplaint } from "../complaints/file-complaint.ts";
import { jpegWithExif } from "../testing/evidence-files.ts";
import { complainantCtx, proofAt } from "../complaints/testing.ts";
import { appRouter } from "../root.ts";
import { createCaller } from "../index.ts";
import {
  ACTORS,
  buildWorld,
  contextFor,
  errorCode,
  isDenied,
  type Actor,
  type Caller,
  type World,
} from "./test-world.ts";

type AgencyKey = "A" | "B";

interface Setup {
  w: World;
  agency: { id: string; slug: string };
  key: AgencyKey;
  /** An editor of that agency, to author data the actor then acts on. */
  author: string;
  sessionId: string | null;
}

type Row =
  | { kind: "public"; input?: (s: Setup) => unknown | Promise<unknown>; freshSession?: boolean }
  /** Any signed-in session, even one that still owes its second factor. */
  | { kind: "authed"; input?: (s: Setup) => unknown; freshSession?: boolean }
  /** Any signed-in, fully verified session. */
  | { kind: "staff"; input?: (s: Setup) => unknown | Promise<unknown>; freshSession?: boolean }
  /** Agency data: allowed to holders of `roles` there, system administrators, and (reads) the province's coordinator. */
  | {
      kind: "agency";
      roles: readonly AgencyRole[];
      coordinatorRead?: boolean;
      input: (s: Setup) => unknown | Promise<unknown>;
    }
  /**
   * Complaints: ONLY the agency's own complaint officers. Not system administrators,
   * not coordinators, not the agency's administrators, editors or approvers.
   */
  | { kind: "complaint"; input: (s: Setup) => unknown | Promise<unknown> }
  /**
   * A province's ITA results and oversight (plan, readiness, reviews): ONLY the
   * coordinators of that (stored) province and system administrators. No agency role,
   * not even the agency's own administrator.
   */
  | { kind: "province"; input: (s: Setup) => unknown | Promise<unknown> }
  /** System administration (frameworks, system-wide roles): ONLY system administrators. */
  | { kind: "system"; input?: (s: Setup) => unknown | Promise<unknown> };

const PUBLIC: Row = { kind: "public" };
const FY = 2568;
const readers = ["agency-admin", "editor", "approver"] as const;

const entryIn = async (
  s: Setup,
  state: "draft" | "submitted" | "published" = "draft",
  extra: { fiscalYear?: number } = {},
) =>
  createDisclosureEntry(s.w.db, {
    agencyId: s.agency.id,
    authorId: s.author,
    state,
    itemCode: "O5",
    ...extra,
  });

/** A complaint filed to the row's agency (named, so its identity can be revealed). */
const complaintIn = async (s: Setup) => {
  const filed = await fileComplaint({
    ctx: complainantCtx(s.w),
    input: {
      agencyId: s.agency.id,
      subject: "procurement",
      description: "การจัดซื้อครุภัณฑ์สำนักงานราคาสูงกว่าท้องตลาดหลายเท่า",
      identity: { name: "ผู้ร้องทดสอบ", consentToForward: false },
      formToken: crypto.randomUUID().replaceAll("-", ""),
      proof: await proofAt(s.w.now),
    },
  });
  const [row] = await s.w.db
    .select({ id: complaints.id })
    .from(complaints)
    .where(and(eq(complaints.agencyId, s.agency.id), eq(complaints.reference, filed.reference)));
  return row!.id;
};
const WRONG_CODE = "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ";

const provinceOf = (s: Setup) => (s.key === "A" ? s.w.agencyA : s.w.agencyB).provinceId;
/** The built-in 2566 framework's id (read-only rows). */
const ita2566 = async (s: Setup) => {
  const [row] = await s.w.db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(eq(frameworks.key, "ita-2566"));
  return row!.id;
};
/**
 * A framework of its own for each call that changes one, in a year and agency type no
 * other framework holds, so a system administrator's edit succeeds and nothing else moves.
 */
let scratchCount = 0;
const scratchTypes = new Map<string, string>();
const scratchFramework = async (s: Setup) => {
  const n = scratchCount++;
  const [f] = await s.w.db
    .insert(frameworks)
    .values({
      key: `scratch-${crypto.randomUUID().slice(0, 8)}`,
      fiscalYear: 2601 + Math.floor(n / AGENCY_TYPES.length),
      agencyTypes: [AGENCY_TYPES[n % AGENCY_TYPES.length]!],
      titleTh: "เกณฑ์ทดสอบ",
      titleEn: "Scratch framework",
      gradingScheme: "letter-2566",
    })
    .returning();
  await s.w.db.insert(frameworkItems).values(
    ["T1", "T2"].map((code, i) => ({
      frameworkId: f!.id,
      code,
      titleTh: `ข้อทดสอบ ${code}`,
      titleEn: `Test item ${code}`,
      categories: [1],
      sortOrder: i + 1,
    })),
  );
  scratchTypes.set(f!.id, f!.agencyTypes[0]!);
  return f!.id;
};
const scratchItem = {
  code: "T3",
  titleTh: "ข้อใหม่",
  titleEn: "New item",
  categories: [1, 2],
  sortOrder: 3,
};
let smallJpeg: Uint8Array | null = null;
const jpeg = async () => (smallJpeg ??= await jpegWithExif());
const formToken = () => crypto.randomUUID().replaceAll("-", "");
/** A date of its own for each holiday row (far in the future, one day apart). */
let holidayDays = 0;
const holidayDate = () =>
  new Date(Date.UTC(2090, 0, 1) + holidayDays++ * 86_400_000).toISOString().slice(0, 10);

/** A complaint filed to the row's agency with one evidence file: its id and the file's. */
const complaintWithFileIn = async (s: Setup) => {
  const token = formToken();
  const [file] = await attachDraftEvidence({
    ctx: complainantCtx(s.w),
    input: { formToken: token, files: [{ name: "หลักฐาน.jpg", bytes: await jpeg() }] },
  });
  const filed = await fileComplaint({
    ctx: complainantCtx(s.w),
    input: {
      agencyId: s.agency.id,
      subject: "bribery",
      description: "เจ้าหน้าที่เรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้าง",
      formToken: token,
      proof: await proofAt(s.w.now),
    },
  });
  const [row] = await s.w.db
    .select({ id: complaints.id })
    .from(complaints)
    .where(and(eq(complaints.agencyId, s.agency.id), eq(complaints.reference, filed.reference)));
  return { complaintId: row!.id, fileId: file!.id };
};

/** A signed-up account of no agency (no password hashing: nobody signs in with it). */
const account = async (s: Setup, opts: { isSystemAdmin?: boolean } = {}) => {
  const [row] = await s.w.db
    .insert(users)
    .values({
      email: `grantee-${crypto.randomUUID()}@test.example`,
      displayName: "ผู้รับบทบาททดสอบ",
      passwordHash: "not-a-real-hash",
      isSystemAdmin: opts.isSystemAdmin ?? false,
    })
    .returning({ id: users.id, email: users.email });
  return row!;
};

let roundNumber = 100;
/** Target years of plan copies, apart from each other and from FY. */
let copyYear = 2601;
/** A round of the row's province's plan (stored directly: the matrix checks the stored row). */
const roundIn = async (s: Setup, itemCodes: string[] = ["O7"]) => {
  const [row] = await s.w.db
    .insert(provinceReviewRounds)
    .values({
      provinceId: provinceOf(s),
      fiscalYear: FY,
      number: roundNumber++,
      titleTh: "รอบทดสอบ",
      deadline: "2025-01-31",
      itemCodes,
    })
    .returning({ id: provinceReviewRounds.id });
  return row!.id;
};

/** A weak point with its measure, as an editor writes it (without its year). */
const MEASURE = {
  source: "indicator",
  code: "4",
  score: 84.2,
  finding: "การใช้ทรัพย์สินของราชการได้คะแนนต่ำกว่าเป้าหมาย",
  measureTitle: "จัดทำคู่มือการยืมทรัพย์สินของราชการ",
  steps: ["จัดทำคู่มือ", "เผยแพร่ให้บุคลากรทราบ"],
  startDate: "2024-10-01",
  endDate: "2025-09-30",
  responsibleUnit: "สำนักปลัด",
  monitoring: "รายงานผลในการประชุมหัวหน้าส่วนราชการ",
} as const;
/** A measure of the row's agency this year (stored directly: the matrix checks the stored row). */
const measureIn = async (s: Setup) => {
  const [row] = await s.w.db
    .insert(integrityMeasures)
    .values({ agencyId: s.agency.id, fiscalYear: FY, ...MEASURE, steps: [...MEASURE.steps] })
    .returning({ id: integrityMeasures.id });
  return row!.id;
};
/** A progress update of a measure of the row's agency (stored directly, as the measure). */
const progressIn = async (s: Setup) => {
  const [row] = await s.w.db
    .insert(integrityMeasureProgress)
    .values({
      measureId: await measureIn(s),
      date: "2025-01-15",
      status: "in-progress",
      text: "จัดทำร่างคู่มือแล้ว",
    })
    .returning({ id: integrityMeasureProgress.id });
  return row!.id;
};

const newMember = async (s: Setup) =>
  (await createUser(s.w.db, { roles: [{ role: "editor", agencyId: s.agency.id }] })).id;

const MATRIX: Record<string, Row> = {
  // Public reading (portal helper's procedures included).
  "agency.bySlug": { kind: "public", input: (s) => ({ slug: s.agency.slug }) },
  "agency.disclosures": { kind: "public", input: (s) => ({ slug: s.agency.slug, fiscalYear: FY }) },
  "framework.list": PUBLIC,
  "framework.manage": { kind: "system", input: () => ({ fiscalYear: 2566 }) },
  "framework.get": { kind: "system", input: async (s) => ({ frameworkId: await ita2566(s) }) },
  "framework.export": {
    kind: "system",
    input: async (s) => ({ frameworkId: await ita2566(s), format: "csv" }),
  },
  "framework.copy": {
    kind: "system",
    input: async (s) => ({ frameworkId: await scratchFramework(s) }),
  },
  "framework.update": {
    kind: "system",
    input: async (s) => {
      const frameworkId = await scratchFramework(s);
      return {
        frameworkId,
        titleTh: "เกณฑ์แก้ไข",
        titleEn: "Edited",
        gradingScheme: "five-level-2567",
        agencyTypes: [scratchTypes.get(frameworkId)],
      };
    },
  },
  "framework.saveItem": {
    kind: "system",
    input: async (s) => ({
      frameworkId: await scratchFramework(s),
      originalCode: null,
      item: scratchItem,
    }),
  },
  "framework.removeItem": {
    kind: "system",
    input: async (s) => ({ frameworkId: await scratchFramework(s), code: "T2" }),
  },
  "framework.import": {
    kind: "system",
    input: async (s) => ({
      format: "csv",
      frameworkId: await scratchFramework(s),
      text: "code,titleTh,titleEn,categories,sortOrder\nT1,ข้อหนึ่ง,One,1,1\n",
    }),
  },
  "public.overview": PUBLIC,
  "public.provinces": PUBLIC,
  "public.province": { kind: "public", input: () => ({ slug: "lamphun" }) },
  "public.item": {
    kind: "public",
    input: (s) => ({ slug: s.agency.slug, fiscalYear: FY, itemCode: "O1" }),
  },
  "public.attachment": { kind: "public", input: () => ({ id: crypto.randomUUID() }) },
  "public.search": { kind: "public", input: () => ({ q: "ทดสอบ" }) },
  "public.openAgencies": PUBLIC,
  "public.openResults": { kind: "public", input: () => ({ fiscalYear: 2565 }) },
  "public.openDisclosures": { kind: "public", input: (s) => ({ slug: s.agency.slug }) },
  "public.feed": { kind: "public", input: () => ({}) },
  "public.sitemap": PUBLIC,

  // Sign-in and account.
  "auth.me": PUBLIC,
  "auth.signIn": {
    kind: "public",
    input: (s) => ({ email: s.w.users.editorB.email, password: s.w.users.editorB.password }),
  },
  "auth.signOut": { kind: "public", freshSession: true },
  "auth.checkLink": { kind: "public", input: () => ({ token: "a".repeat(32) }) },
  "auth.redeemLink": {
    kind: "public",
    input: () => ({ token: "a".repeat(32), password: "long enough passphrase" }),
  },
  "auth.beginTotpEnrolment": { kind: "authed", freshSession: true },
  "auth.confirmTotpEnrolment": {
    kind: "authed",
    input: () => ({ code: "000000" }),
    freshSession: true,
  },
  "auth.verifyTwoFactor": { kind: "authed", input: () => ({ code: "000000" }), freshSession: true },
  "auth.sessions": { kind: "staff" },
  "auth.revokeSession": {
    kind: "staff",
    freshSession: true,
    input: (s) => ({ sessionId: s.sessionId }),
  },
  "auth.signOutEverywhere": { kind: "staff", freshSession: true },
  "auth.changePassword": {
    kind: "staff",
    input: () => ({ currentPassword: "not-the-password", newPassword: "a long new passphrase" }),
  },
  "notifications.list": { kind: "staff" },
  // Own invitations only: the account comes from the session, never from input.
  "invitations.mine": { kind: "staff" },
  "invitations.answer": {
    kind: "staff",
    input: (s) => ({ agencyId: s.agency.id, accept: false }),
  },
  "agencyAdmin.mine": { kind: "staff" },

  // Agency profile and people.
  "agencyAdmin.profile": {
    kind: "agency",
    roles: [...readers, "complaint-officer"],
    coordinatorRead: true,
    input: (s) => ({ agencyId: s.agency.id }),
  },
  "agencyAdmin.updateProfile": {
    kind: "agency",
    roles: ["agency-admin"],
    input: (s) => ({ agencyId: s.agency.id, nameTh: "องค์การบริหารส่วนตำบลแก้ไขชื่อ" }),
  },
  "users.list": {
    kind: "agency",
    roles: ["agency-admin"],
    input: (s) => ({ agencyId: s.agency.id }),
  },
  "users.invite": {
    kind: "agency",
    roles: ["agency-admin"],
    input: (s) => ({
      agencyId: s.agency.id,
      email: `invite-${crypto.randomUUID()}@test.example`,
      displayName: "ผู้ได้รับเชิญ",
      roles: ["editor"],
    }),
  },
  "users.setRoles": {
    kind: "agency",
    roles: ["agency-admin"],
    input: async (s) => ({
      agencyId: s.agency.id,
      userId: await newMember(s),
      roles: ["approver"],
    }),
  },
  "users.answerRoleGrant": {
    kind: "agency",
    roles: ["agency-admin"],
    input: async (s) => {
      const userId = await newMember(s);
      // Asked for by another administrator, so the actor may confirm it.
      await s.w.db.insert(pendingRoles).values({
        userId,
        agencyId: s.agency.id,
        role: "approver",
        awaiting: "second-admin",
        requestedBy: s.author,
      });
      return { agencyId: s.agency.id, userId, confirm: true };
    },
  },
  "users.createResetLink": {
    kind: "agency",
    roles: ["agency-admin"],
    input: async (s) => ({ agencyId: s.agency.id, userId: await newMember(s) }),
  },
  "users.resetTwoFactor": {
    kind: "agency",
    roles: ["agency-admin"],
    input: async (s) => ({ agencyId: s.agency.id, userId: await newMember(s) }),
  },
  "users.remove": {
    kind: "agency",
    roles: ["agency-admin"],
    input: async (s) => ({ agencyId: s.agency.id, userId: await newMember(s) }),
  },
  "audit.list": {
    kind: "agency",
    roles: ["agency-admin"],
    input: (s) => ({ agencyId: s.agency.id }),
  },

  // Complaints: the complainant holds a receipt code, not an account.
  "complaints.file": {
    kind: "public",
    input: async (s) => ({
      agencyId: s.agency.id,
      subject: "gifts",
      description: "มีการมอบกระเช้าของขวัญราคาแพงให้ผู้บริหารช่วงปีใหม่",
      formToken: crypto.randomUUID().replaceAll("-", ""),
      proof: await proofAt(s.w.now),
    }),
  },
  "complaints.challenge": PUBLIC,
  "complaints.statistics": {
    kind: "public",
    input: (s) => ({ slug: s.agency.slug, fiscalYear: FY }),
  },
  "complaints.findAgencies": { kind: "public", input: () => ({ q: "เทศบาล" }) },
  "complaints.track": { kind: "public", input: () => ({ code: WRONG_CODE }) },
  "complaints.reply": { kind: "public", input: () => ({ code: WRONG_CODE, body: "ข้อมูลเพิ่มเติม" }) },
  "complaints.attachDraftFiles": {
    kind: "public",
    input: async () => ({
      formToken: formToken(),
      files: [{ name: "ภาพ.jpg", bytes: await jpeg() }],
    }),
  },
  "complaints.draftFiles": { kind: "public", input: () => ({ formToken: formToken() }) },
  "complaints.removeDraftFile": {
    kind: "public",
    input: () => ({ formToken: formToken(), fileId: crypto.randomUUID() }),
  },
  "complaints.withdraw": { kind: "public", input: () => ({ code: WRONG_CODE }) },
  "complaints.ownEvidence": {
    kind: "public",
    input: () => ({ code: WRONG_CODE, fileId: crypto.randomUUID() }),
  },
  "complaints.inbox": { kind: "complaint", input: (s) => ({ agencyId: s.agency.id }) },
  "complaints.get": {
    kind: "complaint",
    input: async (s) => ({ complaintId: await complaintIn(s) }),
  },
  "complaints.move": {
    kind: "complaint",
    input: async (s) => ({ complaintId: await complaintIn(s), to: "screening" }),
  },
  "complaints.message": {
    kind: "complaint",
    input: async (s) => ({ complaintId: await complaintIn(s), body: "โปรดส่งหลักฐานเพิ่ม" }),
  },
  "complaints.reveal": {
    kind: "complaint",
    input: async (s) => ({ complaintId: await complaintIn(s), reason: "ต้องนัดหมายเพื่อให้ถ้อยคำ" }),
  },
  "complaints.evidence": { kind: "complaint", input: complaintWithFileIn },
  // To the NACC (outside the system): no receiving agency's officers needed.
  "complaints.forward": {
    kind: "complaint",
    input: async (s) => ({
      complaintId: await complaintIn(s),
      target: "nacc",
      letterNumber: "ลพ 0023/1",
      reason: "เป็นเรื่องของผู้บริหารท้องถิ่น",
    }),
  },
  "complaints.assign": {
    kind: "complaint",
    input: async (s) => ({ complaintId: await complaintIn(s), assigneeId: null }),
  },

  // Access statistics for the executives: the agency's administrators, the province's coordinators.
  "accessStats.quarterly": {
    kind: "agency",
    roles: ["agency-admin"],
    coordinatorRead: true,
    input: (s) => ({ agencyId: s.agency.id, fiscalYear: FY }),
  },
  "accessStats.exportXlsx": {
    kind: "agency",
    roles: ["agency-admin"],
    coordinatorRead: true,
    input: (s) => ({ agencyId: s.agency.id, fiscalYear: FY }),
  },
  // Site-wide searches: the same figure for every province; its coordinators and system administrators.
  "accessStats.siteSearches": {
    kind: "province",
    input: (s) => ({ provinceId: provinceOf(s), fiscalYear: FY }),
  },
  "accessStats.exportSiteSearchesXlsx": {
    kind: "province",
    input: (s) => ({ provinceId: provinceOf(s), fiscalYear: FY }),
  },

  // ITA results, kept by the province.
  "results.provinces": { kind: "staff" },
  "results.province": {
    kind: "province",
    input: (s) => ({ provinceId: provinceOf(s), fiscalYear: 2565 }),
  },
  "results.record": {
    kind: "province",
    input: (s) => ({ agencyId: s.agency.id, fiscalYear: 2567, total: 94.25, grade: "ผ่านดี" }),
  },
  "results.import": {
    kind: "province",
    input: (s) => ({
      provinceId: provinceOf(s),
      csv: `agency,fiscal_year,total,grade\r\n${s.agency.slug},2565,84.99,B\r\n`,
    }),
  },
  "results.setTarget": {
    kind: "province",
    input: (s) => ({ provinceId: provinceOf(s), fiscalYear: 2566, passTarget: 50 }),
  },

  // Province coordinators and system administrators: kept by system administrators only.
  // Each call gets accounts of its own, so a system administrator's grant succeeds.
  "systemRoles.list": { kind: "system" },
  "systemRoles.grantCoordinator": {
    kind: "system",
    input: async (s) => ({ email: (await account(s)).email, provinceId: provinceOf(s) }),
  },
  "systemRoles.revokeCoordinator": {
    kind: "system",
    input: async (s) => {
      const { id } = await account(s);
      await s.w.db
        .insert(roleAssignments)
        .values({ userId: id, role: "province-coordinator", provinceId: provinceOf(s) });
      return { userId: id, provinceId: provinceOf(s) };
    },
  },
  "systemRoles.grantSystemAdmin": {
    kind: "system",
    input: async (s) => ({ email: (await account(s)).email }),
  },
  "systemRoles.revokeSystemAdmin": {
    kind: "system",
    input: async (s) => ({ userId: (await account(s, { isSystemAdmin: true })).id }),
  },

  // Public holidays (working-day deadlines): system administrators only. Each call gets
  // a date of its own, so a system administrator's removal finds its holiday.
  "holidays.list": { kind: "system", input: () => ({ year: 2026 }) },
  "holidays.save": {
    kind: "system",
    input: () => ({ date: holidayDate(), nameTh: "วันหยุดทดสอบ", nameEn: "Test holiday" }),
  },
  "holidays.remove": {
    kind: "system",
    input: async (s) => {
      const date = holidayDate();
      await s.w.db.insert(publicHolidays).values({ date, nameTh: "วันหยุดทดสอบ" });
      return { date };
    },
  },
  "holidays.import": {
    kind: "system",
    input: () => ({ csv: `date,nameTh,nameEn\n${holidayDate()},วันหยุดทดสอบ,Test holiday\n` }),
  },

  // A province's oversight: its coordinators and system administrators only.
  "oversight.provinces": { kind: "staff" },
  "oversight.plan": {
    kind: "province",
    input: (s) => ({ provinceId: provinceOf(s), fiscalYear: FY }),
  },
  "oversight.createRound": {
    kind: "province",
    input: (s) => ({
      provinceId: provinceOf(s),
      fiscalYear: FY,
      number: 1 + Math.floor(Math.random() * 12),
      titleTh: "ครั้งที่ 1",
      deadline: "2025-01-31",
      itemCodes: [],
    }),
  },
  // Each call copies into a year of its own (the year before gets one round to copy).
  "oversight.copyPlan": {
    kind: "province",
    input: async (s) => {
      const fiscalYear = (copyYear += 2);
      await s.w.db.insert(provinceReviewRounds).values({
        provinceId: provinceOf(s),
        fiscalYear: fiscalYear - 1,
        number: 1,
        titleTh: "รอบทดสอบ",
        deadline: `${fiscalYear - 1 - 543 - 1}-12-31`,
        itemCodes: ["O7"],
      });
      return { provinceId: provinceOf(s), fiscalYear };
    },
  },
  "oversight.updateRound": {
    kind: "province",
    input: async (s) => ({
      roundId: await roundIn(s),
      number: 12,
      titleTh: "ครั้งที่ 12",
      deadline: "2025-03-31",
      itemCodes: ["O8"],
    }),
  },
  "oversight.deleteRound": {
    kind: "province",
    input: async (s) => ({ roundId: await roundIn(s) }),
  },
  "oversight.exportRound": {
    kind: "province",
    input: async (s) => ({ roundId: await roundIn(s), format: "csv" }),
  },
  "oversight.summary": {
    kind: "province",
    input: async (s) => ({ roundId: await roundIn(s) }),
  },
  "oversight.readiness": {
    kind: "province",
    input: (s) => ({ provinceId: provinceOf(s), fiscalYear: FY }),
  },
  "oversight.agencyReview": {
    kind: "province",
    input: (s) => ({ agencyId: s.agency.id, fiscalYear: FY }),
  },
  "oversight.review": {
    kind: "province",
    input: async (s) => {
      await entryIn(s, "published");
      await roundIn(s, ["O5"]);
      return { agencyId: s.agency.id, fiscalYear: FY, itemCode: "O5", verdict: "ok" };
    },
  },

  // The year's integrity measures (editors write, readers and the coordinator read).
  "measures.year": {
    kind: "agency",
    roles: readers,
    coordinatorRead: true,
    input: (s) => ({ agencyId: s.agency.id, fiscalYear: FY }),
  },
  "measures.prefill": {
    kind: "agency",
    roles: ["editor"],
    input: (s) => ({ agencyId: s.agency.id, fiscalYear: FY }),
  },
  "measures.add": {
    kind: "agency",
    roles: ["editor"],
    input: (s) => ({ agencyId: s.agency.id, fiscalYear: FY, ...MEASURE }),
  },
  "measures.update": {
    kind: "agency",
    roles: ["editor"],
    input: async (s) => ({ measureId: await measureIn(s), ...MEASURE, measureTitle: "แก้ไข" }),
  },
  "measures.remove": {
    kind: "agency",
    roles: ["editor"],
    input: async (s) => ({ measureId: await measureIn(s) }),
  },
  "measures.addProgress": {
    kind: "agency",
    roles: ["editor"],
    input: async (s) => ({
      measureId: await measureIn(s),
      date: "2025-02-28",
      status: "in-progress",
      text: "จัดทำร่างคู่มือแล้ว",
    }),
  },
  "measures.updateProgress": {
    kind: "agency",
    roles: ["editor"],
    input: async (s) => ({
      progressId: await progressIn(s),
      date: "2025-02-28",
      status: "done",
      text: "เผยแพร่คู่มือแล้ว",
    }),
  },
  "measures.removeProgress": {
    kind: "agency",
    roles: ["editor"],
    input: async (s) => ({ progressId: await progressIn(s) }),
  },
  "measures.createDraft": {
    kind: "agency",
    roles: ["editor"],
    input: async (s) => {
      await measureIn(s);
      return { agencyId: s.agency.id, fiscalYear: FY, part: "measures" };
    },
  },

  // Disclosure workflow.
  "entries.checklist": {
    kind: "agency",
    roles: readers,
    coordinatorRead: true,
    input: (s) => ({ agencyId: s.agency.id, fiscalYear: FY }),
  },
  "entries.list": {
    kind: "agency",
    roles: readers,
    coordinatorRead: true,
    input: (s) => ({ agencyId: s.agency.id, fiscalYear: FY }),
  },
  "entries.get": {
    kind: "agency",
    roles: readers,
    coordinatorRead: true,
    input: async (s) => ({ entryId: (await entryIn(s)).id }),
  },
  "entries.create": {
    kind: "agency",
    roles: ["editor"],
    input: (s) => ({
      agencyId: s.agency.id,
      fiscalYear: FY,
      itemCode: "O1",
      title: "โครงสร้างหน่วยงาน",
    }),
  },
  "entries.copyFromLastYear": {
    kind: "agency",
    roles: ["editor"],
    input: async (s) => {
      await entryIn(s, "published", { fiscalYear: FY - 1 });
      return { agencyId: s.agency.id, fiscalYear: FY, itemCode: "O5" };
    },
  },
  "entries.lastYear": {
    kind: "agency",
    roles: ["editor"],
    input: async (s) => {
      await entryIn(s, "published", { fiscalYear: FY - 1 });
      return { agencyId: s.agency.id, fiscalYear: FY, itemCode: "O5" };
    },
  },
  "entries.save": {
    kind: "agency",
    roles: ["editor"],
    input: async (s) => ({ entryId: (await entryIn(s)).id, title: "แก้ไขชื่อเรื่อง" }),
  },
  "entries.submit": {
    kind: "agency",
    roles: ["editor"],
    input: async (s) => ({ entryId: (await entryIn(s)).id }),
  },
  "entries.withdrawSubmission": {
    kind: "agency",
    roles: ["editor"],
    input: async (s) => ({ entryId: (await entryIn(s, "submitted")).id }),
  },
  "entries.return": {
    kind: "agency",
    roles: ["approver"],
    input: async (s) => ({ entryId: (await entryIn(s, "submitted")).id, comment: "โปรดแนบไฟล์" }),
  },
  "entries.approve": {
    kind: "agency",
    roles: ["approver"],
    input: async (s) => ({ entryId: (await entryIn(s, "submitted")).id }),
  },
  "entries.unpublish": {
    kind: "agency",
    roles: ["approver"],
    input: async (s) => ({ entryId: (await entryIn(s, "published")).id, reason: "ข้อมูลไม่ถูกต้อง" }),
  },
  "entries.attachmentText": {
    kind: "agency",
    roles: readers,
    coordinatorRead: true,
    input: async (s) => {
      const entry = await entryIn(s);
      const [file] = await s.w.db
        .insert(attachments)
        .values({
          entryId: entry.id,
          versionId: entry.currentVersionId,
          fileName: "scan.pdf",
          contentType: "application/pdf",
          sizeBytes: 1,
          sha256: "0".repeat(64),
          storageKey: "0".repeat(64),
          extractedText: "ข้อความจาก OCR",
          textState: "ocr",
        })
        .returning();
      return { attachmentId: file!.id };
    },
  },
  "entries.removeAttachment": {
    kind: "agency",
    roles: ["editor"],
    input: async (s) => {
      const entry = await entryIn(s);
      const [file] = await s.w.db
        .insert(attachments)
        .values({
          entryId: entry.id,
          versionId: entry.currentVersionId,
          fileName: "a.pdf",
          contentType: "application/pdf",
          sizeBytes: 1,
          sha256: "0".repeat(64),
          storageKey: "0".repeat(64),
        })
        .returning();
      return { attachmentId: file!.id };
    },
  },
};

/** What each actor holds, restated here on purpose: the matrix is a specification, not a mirror of the code. */
const HOLDS: Record<
  Actor,
  {
    A?: AgencyRole[];
    B?: AgencyRole[];
    coordinates?: AgencyKey;
    system?: true;
    signedIn: boolean;
    verified: boolean;
  }
> = {
  anonymous: { signedIn: false, verified: false },
  editorA: { A: ["editor"], signedIn: true, verified: true },
  approverA: { A: ["approver"], signedIn: true, verified: true },
  adminA: { A: ["agency-admin"], signedIn: true, verified: true },
  coordinatorA: { coordinates: "A", signedIn: true, verified: true },
  officerA: { A: ["complaint-officer"], signedIn: true, verified: true },
  sysadmin: { system: true, signedIn: true, verified: true },
  editorB: { B: ["editor"], signedIn: true, verified: true },
  approverA_no2fa: { A: ["approver"], signedIn: true, verified: false },
  editorA_approverB: { A: ["editor"], B: ["approver"], signedIn: true, verified: true },
  adminA_editorB: { A: ["agency-admin"], B: ["editor"], signedIn: true, verified: true },
};

interface MixedSetup {
  w: World;
  /** A fresh account holding `roles` in agency B only (or in A and B with `alsoInA`). */
  personOfB(opts?: { alsoInA?: boolean }): Promise<string>;
}

/**
 * Mixed ids: every procedure that takes more than one id, called with agency A's id
 * and an object of agency B (or a person who also answers to B). Only `allowed` may
 * succeed; for everyone else nothing may change (`unchanged` checks the stored row).
 */
const MIXED: Record<
  string,
  {
    path: string;
    allowed: readonly Actor[];
    input: (m: MixedSetup) => Promise<{ input: unknown; unchanged?: () => Promise<boolean> }>;
  }
> = {
  "systemRoles.revokeCoordinator with A's province and a coordinator of B": {
    path: "systemRoles.revokeCoordinator",
    allowed: [],
    input: async (m) => {
      const userId = await m.personOfB();
      await m.w.db
        .insert(roleAssignments)
        .values({ userId, role: "province-coordinator", provinceId: m.w.agencyB.provinceId });
      const held = async () =>
        (
          await m.w.db
            .select({ provinceId: roleAssignments.provinceId })
            .from(roleAssignments)
            .where(
              and(
                eq(roleAssignments.userId, userId),
                eq(roleAssignments.role, "province-coordinator"),
              ),
            )
        ).map((r) => r.provinceId);
      return {
        input: { userId, provinceId: m.w.agencyA.provinceId },
        unchanged: async () => (await held()).join() === m.w.agencyB.provinceId,
      };
    },
  },
  "users.setRoles with A's agency and a person of B": {
    path: "users.setRoles",
    allowed: [],
    input: async (m) => {
      const userId = await m.personOfB();
      return {
        input: { agencyId: m.w.agencyA.id, userId, roles: ["editor", "approver"] },
        unchanged: async () => (await rolesOf(m.w, userId, m.w.agencyA.id)).length === 0,
      };
    },
  },
  "users.answerRoleGrant with A's agency and a grant waiting in B": {
    path: "users.answerRoleGrant",
    allowed: [],
    input: async (m) => {
      const userId = await m.personOfB();
      await m.w.db.insert(pendingRoles).values({
        userId,
        agencyId: m.w.agencyB.id,
        role: "approver",
        awaiting: "second-admin",
      });
      return {
        input: { agencyId: m.w.agencyA.id, userId, confirm: true },
        unchanged: async () => !(await rolesOf(m.w, userId, m.w.agencyB.id)).includes("approver"),
      };
    },
  },
  "users.createResetLink with A's agency and a person of B": {
    path: "users.createResetLink",
    allowed: [],
    input: async (m) => ({ input: { agencyId: m.w.agencyA.id, userId: await m.personOfB() } }),
  },
  "users.resetTwoFactor with A's agency and a person of B": {
    path: "users.resetTwoFactor",
    allowed: [],
    input: async (m) => ({ input: { agencyId: m.w.agencyA.id, userId: await m.personOfB() } }),
  },
  "users.remove with A's agency and a person of B": {
    path: "users.remove",
    allowed: [],
    input: async (m) => {
      const userId = await m.personOfB();
      return {
        input: { agencyId: m.w.agencyA.id, userId },
        unchanged: async () => (await rolesOf(m.w, userId, m.w.agencyB.id)).length === 1,
      };
    },
  },
  // Removing a member of A and B takes only A's roles: A's administrators may (B's stay).
  "users.remove with A's agency and a member of A and B": {
    path: "users.remove",
    allowed: ["adminA", "adminA_editorB", "sysadmin"],
    input: async (m) => {
      const userId = await m.personOfB({ alsoInA: true });
      return {
        input: { agencyId: m.w.agencyA.id, userId },
        unchanged: async () => (await rolesOf(m.w, userId, m.w.agencyA.id)).length === 1,
      };
    },
  },
  // A member of A who also answers to B is beyond A's administrators (ADR 0014).
  "users.createResetLink with A's agency and a member of A and B": {
    path: "users.createResetLink",
    allowed: ["sysadmin"],
    input: async (m) => ({
      input: { agencyId: m.w.agencyA.id, userId: await m.personOfB({ alsoInA: true }) },
    }),
  },
  "users.resetTwoFactor with A's agency and a member of A and B": {
    path: "users.resetTwoFactor",
    allowed: ["sysadmin"],
    input: async (m) => ({
      input: { agencyId: m.w.agencyA.id, userId: await m.personOfB({ alsoInA: true }) },
    }),
  },
  // The file names agencies by slug: one of another province is a line error, nothing written.
  "results.import with A's province and B's agency": {
    path: "results.import",
    allowed: [],
    input: async (m) => {
      const [agencyB] = await m.w.db
        .select({ slug: agencies.slug })
        .from(agencies)
        .where(eq(agencies.id, m.w.agencyB.id));
      return {
        input: {
          provinceId: m.w.agencyA.provinceId,
          csv: `agency,fiscal_year,total,grade\n${agencyB!.slug},2564,90,A\n`,
        },
        unchanged: async () =>
          (
            await m.w.db
              .select()
              .from(itaResults)
              .where(and(eq(itaResults.agencyId, m.w.agencyB.id), eq(itaResults.fiscalYear, 2564)))
          ).length === 0,
      };
    },
  },
  // A file is read through ITS complaint only: A's case id does not open B's evidence.
  "complaints.evidence with A's complaint and a file of B's": {
    path: "complaints.evidence",
    allowed: [],
    input: async (m) => {
      const setup = (key: AgencyKey) => ({
        w: m.w,
        agency: key === "A" ? m.w.agencyA : m.w.agencyB,
        key,
        author: m.w.editorA2.id,
        sessionId: null,
      });
      const ofA = await complaintWithFileIn(setup("A"));
      const ofB = await complaintWithFileIn(setup("B"));
      return { input: { complaintId: ofA.complaintId, fileId: ofB.fileId } };
    },
  },
  "complaints.assign with A's complaint and B's officer": {
    path: "complaints.assign",
    allowed: [],
    input: async (m) => {
      const officerOfB = (
        await createUser(m.w.db, {
          roles: [{ role: "complaint-officer", agencyId: m.w.agencyB.id }],
        })
      ).id;
      const complaintId = await complaintIn({
        w: m.w,
        agency: m.w.agencyA,
        key: "A",
        author: m.w.editorA2.id,
        sessionId: null,
      });
      return {
        input: { complaintId, assigneeId: officerOfB },
        unchanged: async () => {
          const [row] = await m.w.db
            .select({ assigneeId: complaints.assigneeId })
            .from(complaints)
            .where(eq(complaints.id, complaintId));
          return row!.assigneeId === null;
        },
      };
    },
  },
  // Scope comes from the STORED case: an officer of the receiving agency cannot forward
  // someone else's case to it, and A's officer needs no role in B to forward A's case there.
  "complaints.forward with A's complaint to agency B": {
    path: "complaints.forward",
    allowed: ["officerA"],
    input: async (m) => forwardBetween(m, "A"),
  },
  "complaints.forward with B's complaint to agency A": {
    path: "complaints.forward",
    allowed: [],
    input: async (m) => forwardBetween(m, "B"),
  },
};

/** A case of `from`'s agency, to be forwarded to the other one (which gets an officer). */
async function forwardBetween(m: MixedSetup, from: AgencyKey) {
  const [source, target] = from === "A" ? [m.w.agencyA, m.w.agencyB] : [m.w.agencyB, m.w.agencyA];
  await createUser(m.w.db, { roles: [{ role: "complaint-officer", agencyId: target.id }] });
  const complaintId = await complaintIn({
    w: m.w,
    agency: source,
    key: from,
    author: m.w.editorA2.id,
    sessionId: null,
  });
  return {
    input: {
      complaintId,
      target: "agency",
      agencySlug: target.slug,
      reason: "ผู้ถูกร้องสังกัดหน่วยงานปลายทาง",
    },
    unchanged: async () => {
      const [row] = await m.w.db
        .select({ state: complaints.state })
        .from(complaints)
        .where(eq(complaints.id, complaintId));
      const [copy] = await m.w.db
        .select({ id: complaints.id })
        .from(complaints)
        .where(eq(complaints.forwardedFromId, complaintId));
      return row!.state === "received" && !copy;
    },
  };
}

async function rolesOf(w: World, userId: string, agencyId: string) {
  const rows = await w.db
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.agencyId, agencyId)));
  return rows.map((r) => r.role);
}

function expectedAllowed(row: Row, actor: Actor, key: AgencyKey): boolean {
  const h = HOLDS[actor];
  switch (row.kind) {
    case "public":
      return true;
    case "authed":
      return h.signedIn;
    case "staff":
      return h.signedIn && h.verified;
    case "agency":
      if (!h.signedIn || !h.verified) return false;
      if (h.system) return true;
      if ((h[key] ?? []).some((r) => row.roles.includes(r))) return true;
      return Boolean(row.coordinatorRead && h.coordinates === key);
    case "province":
      return h.signedIn && h.verified && (Boolean(h.system) || h.coordinates === key);
    case "complaint":
      return h.signedIn && h.verified && (h[key] ?? []).includes("complaint-officer");
    case "system":
      return h.signedIn && h.verified && Boolean(h.system);
  }
}

/** Calls `path` on the caller with `input` (procedures are nested objects on the caller). */
async function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const fn = path
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], caller) as (
    i: unknown,
  ) => Promise<unknown>;
  return fn(input);
}

const procedurePaths = () =>
  Object.keys(
    (appRouter._def as unknown as { procedures: Record<string, unknown> }).procedures,
  ).sort();

describeEachDriver("authorisation matrix", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    useComplaintFileStore(createFileStore(mkdtempSync(join(tmpdir(), "ita-matrix-files-"))));
    useEntryFileStore(createFileStore(mkdtempSync(join(tmpdir(), "ita-matrix-entry-files-"))));
  }, 60_000);

  it("has a row for every procedure of appRouter (and no stale rows)", () => {
    const paths = procedurePaths();
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((p) => !(p in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((p) => !paths.includes(p))).toEqual([]);
  });

  it.each(Object.keys(MATRIX).sort())(
    "%s: allowed and denied as specified",
    async (path) => {
      if (!procedurePaths().includes(path)) return; // reported by the coverage test
      const row = MATRIX[path]!;
      const outcomes: string[] = [];
      const mismatches: string[] = [];
      for (const key of ["A", "B"] as const) {
        const agency = key === "A" ? w.agencyA : w.agencyB;
        const author = key === "A" ? w.editorA2.id : w.users.editorB.id;
        for (const actor of ACTORS) {
          let caller: Caller;
          let sessionId: string | null = null;
          // Rows that end sessions get a session of their own, so later rows keep theirs.
          const freshSession = "freshSession" in row && row.freshSession;
          if (freshSession && actor !== "anonymous") {
            const userId = actor === "approverA_no2fa" ? w.users.approverA.id : w.users[actor].id;
            const { token, session } = await createSession(w.db, userId, {
              twoFactorVerified: actor !== "approverA_no2fa",
              now: w.now,
            });
            sessionId = session.id;
            caller = createCaller(await contextFor(w.db, token, w.now));
          } else {
            caller = await w.caller(actor);
          }
          const input = await row.input?.({ w, agency, key, author, sessionId });
          let outcome = "ok";
          try {
            await call(caller, path, input);
          } catch (error) {
            outcome = isDenied(error)
              ? `denied(${errorCode(error)})`
              : `error(${errorCode(error)})`;
          }
          const allowed = !outcome.startsWith("denied");
          outcomes.push(`${actor}@${key}: ${outcome}`);
          if (allowed !== expectedAllowed(row, actor, key))
            mismatches.push(
              `${actor}@${key} expected ${expectedAllowed(row, actor, key) ? "allowed" : "denied"}, got ${outcome}`,
            );
        }
      }
      if ("freshSession" in row && row.freshSession) w.resetSessions();
      expect(mismatches, outcomes.join("\n")).toEqual([]);
    },
    120_000,
  );

  it("covers every procedure that takes more than one id with a mixed-id row", () => {
    const covered = new Set(Object.values(MIXED).map((m) => m.path));
    for (const path of [
      "users.setRoles",
      "users.answerRoleGrant",
      "users.createResetLink",
      "users.resetTwoFactor",
      "users.remove",
      "complaints.assign",
      "results.import",
      "complaints.evidence",
      "systemRoles.revokeCoordinator",
      "complaints.forward",
    ])
      expect(covered, path).toContain(path);
  });

  it.each(Object.keys(MIXED).sort())(
    "mixed ids — %s: refused to everyone not listed, nothing changed",
    async (name) => {
      const row = MIXED[name]!;
      const mismatches: string[] = [];
      const personOfB = async (opts: { alsoInA?: boolean } = {}) =>
        (
          await createUser(w.db, {
            roles: [
              { role: "editor", agencyId: w.agencyB.id },
              ...(opts.alsoInA ? [{ role: "editor" as const, agencyId: w.agencyA.id }] : []),
            ],
          })
        ).id;
      for (const actor of ACTORS) {
        const { input, unchanged } = await row.input({ w, personOfB });
        let outcome = "ok";
        try {
          await call(await w.caller(actor), row.path, input);
        } catch (error) {
          outcome = errorCode(error);
        }
        const expectOk = row.allowed.includes(actor);
        if ((outcome === "ok") !== expectOk)
          mismatches.push(`${actor}: expected ${expectOk ? "ok" : "refused"}, got ${outcome}`);
        if (!expectOk && unchanged && !(await unchanged()))
          mismatches.push(`${actor}: refused, yet the stored row changed`);
      }
      expect(mismatches).toEqual([]);
    },
    120_000,
  );
});
