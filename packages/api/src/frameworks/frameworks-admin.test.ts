/**
 * Criteria per year as data (issue 8, ADR 0022): a system administrator copies last
 * year's framework, edits it, imports and exports it; a framework in use is versioned,
 * never edited under the entries made with it.
 */
import { auditLog, disclosureEntries, frameworks } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, errorCode, type Caller, type World } from "../authz/test-world.ts";
import { resolveFramework } from "./resolve-framework.ts";

describeEachDriver("framework administration", (use) => {
  let w: World;
  let admin: Caller;
  let ita2566: string;
  let ita2567: string;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    admin = await w.caller("sysadmin");
    const [row] = await w.db
      .select({ id: frameworks.id })
      .from(frameworks)
      .where(eq(frameworks.key, "ita-2566"));
    ita2566 = row!.id;
  }, 60_000);

  const titleIn = async (fiscalYear: number, code: string) => {
    const editor = await w.caller("editorA");
    const list = await editor.entries.checklist({ agencyId: w.agencyA.id, fiscalYear });
    const items = list.categories.flatMap((c) => c.items);
    return items.find((i) => i.code === code)?.titleTh;
  };

  it("copies 2566 into 2567 with its items, tags and years moved, then edits an item in place", async () => {
    const copied = await admin.framework.copy({ frameworkId: ita2566 });
    expect(copied).toMatchObject({ key: "ita-2567", fiscalYear: 2567 });
    ita2567 = copied.frameworkId;
    const got = await admin.framework.get({ frameworkId: ita2567 });
    expect(got.framework.titleTh).toContain("2567");
    expect(got.items).toHaveLength(43);
    expect(got.items.find((i) => i.tag === "complaint-channel")?.code).toBe("O28");
    expect(got.inUse).toBe(false);

    const o10 = got.items.find((i) => i.code === "O10")!;
    const saved = await admin.framework.saveItem({
      frameworkId: ita2567,
      originalCode: "O10",
      item: { ...o10, titleTh: "นโยบายคุ้มครองข้อมูลส่วนบุคคล (ฉบับ 2567)" },
    });
    expect(saved).toEqual({ frameworkId: ita2567, version: 1, versioned: false });
    expect(await titleIn(2567, "O10")).toBe("นโยบายคุ้มครองข้อมูลส่วนบุคคล (ฉบับ 2567)");
    expect(await titleIn(2566, "O10")).toBe("นโยบายคุ้มครองข้อมูลส่วนบุคคล");

    // Copying into a year that already has the key is refused, next to the year field.
    await expect(admin.framework.copy({ frameworkId: ita2566 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("versions a framework in use: entries keep the version they were made under", async () => {
    const editor = await w.caller("editorA");
    const made = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: 2566,
      itemCode: "O5",
      title: "ข้อมูลการติดต่อ",
    });
    const [entry] = await w.db
      .select({ frameworkId: disclosureEntries.frameworkId })
      .from(disclosureEntries)
      .where(eq(disclosureEntries.id, made.id));
    expect(entry!.frameworkId).toBe(ita2566);
    expect((await admin.framework.get({ frameworkId: ita2566 })).inUse).toBe(true);

    const o5 = (await admin.framework.get({ frameworkId: ita2566 })).items.find(
      (i) => i.code === "O5",
    )!;
    const saved = await admin.framework.saveItem({
      frameworkId: ita2566,
      originalCode: "O5",
      item: { ...o5, titleTh: "ข้อมูลการติดต่อหน่วยงาน" },
    });
    expect(saved.versioned).toBe(true);
    expect(saved.version).toBe(2);
    expect(saved.frameworkId).not.toBe(ita2566);

    // The old version is as it was, marked replaced; the entry still points at it.
    const old = await admin.framework.get({ frameworkId: ita2566 });
    expect(old.framework.current).toBe(false);
    expect(old.items.find((i) => i.code === "O5")?.titleTh).toBe("ข้อมูลการติดต่อ");
    expect(old.versions.map((v) => v.version)).toEqual([2, 1]);
    const [still] = await w.db
      .select({ frameworkId: disclosureEntries.frameworkId })
      .from(disclosureEntries)
      .where(eq(disclosureEntries.id, made.id));
    expect(still!.frameworkId).toBe(ita2566);

    // New work follows the new version.
    const resolved = await resolveFramework(w.db, 2566, "sao");
    expect(resolved?.framework.id).toBe(saved.frameworkId);
    expect(await titleIn(2566, "O5")).toBe("ข้อมูลการติดต่อหน่วยงาน");

    // A replaced version is never edited.
    await expect(
      admin.framework.saveItem({ frameworkId: ita2566, originalCode: "O5", item: o5 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const [audit] = await w.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "framework.item_updated"),
          eq(auditLog.targetId, saved.frameworkId),
        ),
      );
    expect(audit?.after).toMatchObject({ versioned: true, version: 2 });
  });

  it("keeps code and tag unique within a framework, naming the field", async () => {
    const { items } = await admin.framework.get({ frameworkId: ita2567 });
    const o1 = items.find((i) => i.code === "O1")!;
    const failure = await admin.framework
      .saveItem({
        frameworkId: ita2567,
        originalCode: "O1",
        item: { ...o1, tag: "complaint-channel" },
      })
      .catch((e: unknown) => e);
    const issues = (failure as { cause: { issues: { path: string[] }[] } }).cause.issues;
    expect(issues.map((i) => i.path)).toEqual([["tag"]]);
    expect(errorCode(failure)).toBe("BAD_REQUEST");
  });

  it("imports CSV only when every line is valid, naming line and column in Thai and English", async () => {
    const text = [
      "code,titleTh,titleEn,categories,indicator,cadence,evidence,tag,sortOrder",
      "O1,โครงสร้าง,Structure,1,9,once,document,,1",
      "O2,ข้อมูลผู้บริหาร,Executives,9,9,once,document,,2",
      "O3,อำนาจหน้าที่,Powers,1,9,yearly,document,,3",
    ].join("\n");
    const result = await admin.framework.import({ format: "csv", frameworkId: ita2567, text });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.line, p.field])).toEqual([
      [3, "categories.0"],
      [4, "cadence"],
    ]);
    for (const p of result.problems) expect(p.th).not.toBe(p.en);
    expect((await admin.framework.get({ frameworkId: ita2567 })).items).toHaveLength(43);

    const dup = await admin.framework.import({
      format: "csv",
      frameworkId: ita2567,
      text: "code,titleTh,titleEn,categories,sortOrder\nO1,ก,A,1,1\nO1,ข,B,2,2\n",
    });
    expect(dup).toMatchObject({ ok: false, problems: [{ line: 3, field: "code" }] });
  });

  it("exports JSON and CSV that import back unchanged", async () => {
    const json = await admin.framework.export({ frameworkId: ita2567, format: "json" });
    expect(json.fileName).toBe("ita-2567-v1.json");
    const back = await admin.framework.import({ format: "json", text: json.text });
    expect(back).toMatchObject({ ok: true, frameworkId: ita2567, versioned: false, items: 43 });

    const csv = await admin.framework.export({ frameworkId: ita2567, format: "csv" });
    expect(csv.text.startsWith("\uFEFFcode,titleTh,titleEn")).toBe(true);
    const again = await admin.framework.import({
      format: "csv",
      frameworkId: ita2567,
      text: csv.text,
    });
    expect(again).toMatchObject({ ok: true, items: 43 });
    const after = await admin.framework.get({ frameworkId: ita2567 });
    expect(after.items.find((i) => i.code === "O11")?.categories).toEqual([2, 3]);
    expect(after.items.find((i) => i.code === "O10")?.titleTh).toContain("ฉบับ 2567");
    expect(after.items.find((i) => i.code === "O29")?.tag).toBe("complaint-statistics");
  });

  it("lists frameworks per year and agency type with their versions", async () => {
    const list = await admin.framework.manage({ fiscalYear: 2566, agencyType: "sao" });
    expect(list.map((f) => [f.key, f.version, f.current, f.inUse, f.itemCount])).toEqual([
      ["ita-2566", 2, true, false, 43],
      ["ita-2566", 1, false, true, 43],
    ]);
  });
});
