import { describe, expect, it } from "vitest";
import { compareVersions } from "./compare-versions.ts";

const v = (title: string, description: string | null, files: string[] = []) => ({
  title,
  descriptionSource: description,
  descriptionHtml: description === null ? null : `<p>${description}</p>`,
  files: files.map((f) => ({ fileName: f, sha256: `sha-${f}` })),
});

describe("compareVersions", () => {
  it("diffs Thai text by words, not whole runs, and lists files added and removed", () => {
    const changes = compareVersions(
      v("แผนปฏิบัติการประจำปี 2568", "จัดซื้อครุภัณฑ์สำนักงาน", ["แผน.pdf", "ภาคผนวก.pdf"]),
      v("แผนปฏิบัติการประจำปี 2569", "จัดซื้อครุภัณฑ์คอมพิวเตอร์", ["แผน.pdf", "แผนฉบับแก้ไข.pdf"]),
    );
    expect(changes.title).toEqual([
      { kind: "same", text: "แผนปฏิบัติการประจำปี " },
      { kind: "removed", text: "2568" },
      { kind: "added", text: "2569" },
    ]);
    expect(changes.description).toContainEqual({ kind: "removed", text: "สำนักงาน" });
    expect(changes.description).toContainEqual({ kind: "added", text: "คอมพิวเตอร์" });
    expect(changes.description?.find((p) => p.kind === "same")?.text).toContain("ครุภัณฑ์");
    expect(changes.filesAdded).toEqual(["แผนฉบับแก้ไข.pdf"]);
    expect(changes.filesRemoved).toEqual(["ภาคผนวก.pdf"]);
  });

  it("reports nothing for what did not change, and reads HTML-only descriptions as text", () => {
    const same = compareVersions(
      v("ประกาศ", "ข้อความ", ["a.pdf"]),
      v("ประกาศ", "ข้อความ", ["a.pdf"]),
    );
    expect(same).toEqual({ title: null, description: null, filesAdded: [], filesRemoved: [] });
    const html = compareVersions(
      { ...v("ประกาศ", null), descriptionHtml: "<p>ข้อความ<strong>เดิม</strong></p>" },
      v("ประกาศ", "ข้อความใหม่"),
    );
    expect(html.description).toEqual([
      { kind: "same", text: "ข้อความ" },
      { kind: "removed", text: "เดิม" },
      { kind: "added", text: "ใหม่" },
    ]);
  });
});
