import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isNewPgliteFolder, readFilesDir, repoRoot } from "./env.ts";

describe("where uploaded files live", () => {
  it("is FILES_DIR when set (a directory several machines share), else .data/files", () => {
    expect(readFilesDir({ FILES_DIR: "/srv/ita/files" })).toBe("/srv/ita/files");
    const fallback = join(repoRoot(process.cwd()), ".data", "files");
    expect(readFilesDir({})).toBe(fallback);
    expect(readFilesDir({ FILES_DIR: "" })).toBe(fallback);
  });
});

describe("a first start of the embedded database", () => {
  it("is a PGlite folder that does not exist yet or is empty, never memory or PostgreSQL", () => {
    const dir = mkdtempSync(join(tmpdir(), "pglite-folder-"));
    try {
      const dataDir = join(dir, "pglite");
      expect(isNewPgliteFolder({ driver: "pglite", dataDir })).toBe(true);
      mkdirSync(dataDir);
      expect(isNewPgliteFolder({ driver: "pglite", dataDir })).toBe(true);
      writeFileSync(join(dataDir, "PG_VERSION"), "17\n");
      expect(isNewPgliteFolder({ driver: "pglite", dataDir })).toBe(false);
      expect(isNewPgliteFolder({ driver: "pglite", dataDir: "memory://" })).toBe(false);
      expect(isNewPgliteFolder({ driver: "postgres", url: "postgres://localhost/ita" })).toBe(
        false,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
