import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "./client.ts";
import { migrateDatabase } from "./migrate.ts";
import { useInitialImage, writeInitialImage } from "./pglite-image.ts";

describe("the initialised PGlite folder made at build time", () => {
  const dir = mkdtempSync(join(tmpdir(), "ita-pglite-image-"));
  const image = join(dir, "initdb.tar.gz");
  beforeAll(async () => {
    expect(await writeInitialImage(image)).toBeGreaterThan(1024 * 1024);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is used for a new or empty folder only, never for PostgreSQL, memory or a folder with data", () => {
    const pglite = (dataDir: string) => ({ driver: "pglite" as const, dataDir });
    expect(useInitialImage(pglite(join(dir, "new")), image)).toHaveProperty("loadDataDir");
    mkdirSync(join(dir, "empty"));
    expect(useInitialImage(pglite(join(dir, "empty")), image)).toHaveProperty("loadDataDir");
    mkdirSync(join(dir, "used"));
    writeFileSync(join(dir, "used", "PG_VERSION"), "17");
    expect(useInitialImage(pglite(join(dir, "used")), image)).not.toHaveProperty("loadDataDir");
    expect(useInitialImage(pglite("memory://"), image)).not.toHaveProperty("loadDataDir");
    expect(
      useInitialImage(pglite(join(dir, "other")), join(dir, "missing.tar.gz")),
    ).not.toHaveProperty("loadDataDir");
    const postgres = { driver: "postgres" as const, url: "postgres://x@127.0.0.1/x" };
    expect(useInitialImage(postgres, image)).toBe(postgres);
  });

  it("opens as a working database that migrates, and keeps its data in the folder", async () => {
    const dataDir = join(dir, "data");
    const first = await createDatabase(useInitialImage({ driver: "pglite", dataDir }, image));
    await migrateDatabase(first);
    await first.pglite!.query(
      "insert into provinces (slug, name_th, name_en) values ('x', 'เอ็กซ์', 'X')",
    );
    await first.close();
    const again = useInitialImage({ driver: "pglite", dataDir }, image);
    expect(again).not.toHaveProperty("loadDataDir");
    const second = await createDatabase(again);
    const { rows } = await second.pglite!.query<{ name_th: string }>(
      "select name_th from provinces where slug = 'x'",
    );
    expect(rows).toEqual([{ name_th: "เอ็กซ์" }]);
    await second.close();
  }, 120_000);
});
