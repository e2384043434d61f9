import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DOCUMENT_TOOLS_LOST, documentTools } from "./document-tools.mjs";

function fakeBin(programs: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "ita-doc-tools-"));
  for (const [name, script] of Object.entries(programs)) {
    writeFileSync(join(dir, name), `#!/bin/sh\n${script}\n`);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

describe("documentTools", () => {
  const poppler = { pdftotext: "exit 0", pdftoppm: "exit 0" };

  it("is present only with poppler and tesseract's Thai data", () => {
    const withThai = fakeBin({
      ...poppler,
      tesseract: 'printf "List of languages:\\neng\\ntha\\n"',
    });
    expect(documentTools({ PATH: withThai }).find()).toBe(true);
    const noThai = fakeBin({ ...poppler, tesseract: 'printf "List of languages:\\neng\\n"' });
    expect(documentTools({ PATH: noThai }).find()).toBeUndefined();
    expect(documentTools({ PATH: fakeBin({ tesseract: "echo tha" }) }).find()).toBeUndefined();
  });

  it("installs Debian's packages and otherwise says in one line what is lost", () => {
    const tool = documentTools({ PATH: "" });
    expect(tool.debian).toEqual(["poppler-utils", "tesseract-ocr", "tesseract-ocr-tha"]);
    expect(DOCUMENT_TOOLS_LOST).not.toContain("\n");
    expect(DOCUMENT_TOOLS_LOST).toMatch(/OCR/);
  });
});
