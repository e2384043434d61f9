import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFilesDir, repoRoot } from "./env.ts";

describe("where uploaded files live", () => {
  it("is FILES_DIR when set (a directory several machines share), else .data/files", () => {
    expect(readFilesDir({ FILES_DIR: "/srv/ita/files" })).toBe("/srv/ita/files");
    const fallback = join(repoRoot(process.cwd()), ".data", "files");
    expect(readFilesDir({})).toBe(fallback);
    expect(readFilesDir({ FILES_DIR: "" })).toBe(fallback);
  });
});
