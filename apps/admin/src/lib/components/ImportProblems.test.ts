import { afterEach, describe, expect, it } from "vitest";
import { i18n } from "#lib/i18n.svelte.ts";
import { render, textOf } from "../../test/render.ts";
import ImportProblems from "./ImportProblems.svelte";

const problems = [
  { line: null, field: "fiscalYear", th: "ต้องเป็นตัวเลข", en: "Must be a number" },
  { line: 3, field: null, th: "รหัสซ้ำ", en: "Duplicate code" },
];
const lines = (root: HTMLElement) => [...root.querySelectorAll("li")].map((li) => textOf(li));

describe("ImportProblems", () => {
  afterEach(() => {
    i18n.lang = "th";
  });

  it("places each problem by the CSV's line or the JSON's item, and its field", () => {
    expect(lines(render(ImportProblems, { problems, source: "csv" }))).toEqual([
      "fiscalYear — ต้องเป็นตัวเลข",
      "บรรทัด 3: รหัสซ้ำ",
    ]);
    expect(lines(render(ImportProblems, { problems, source: "json" }))[1]).toBe("ข้อที่ 3: รหัสซ้ำ");
  });

  it("speaks the reader's language, and is announced; nothing when there is no problem", () => {
    i18n.lang = "en";
    const root = render(ImportProblems, { problems, source: "csv" });
    expect(root.querySelector("ul")?.getAttribute("role")).toBe("alert");
    expect(lines(root)).toEqual(["fiscalYear — Must be a number", "Line 3: Duplicate code"]);
    expect(render(ImportProblems, { problems: [], source: "json" }).querySelector("ul")).toBeNull();
  });
});
