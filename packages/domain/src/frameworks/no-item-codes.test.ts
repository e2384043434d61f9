/**
 * The code holds no item codes (issue 8): the portal, admin, API and demo data find the
 * year's complaint channel, monthly procurement summary or measures by the item's tag in
 * the framework data, so next year's criteria need no code change. This is
 * `grep -rn '"O[0-9][0-9]"' apps packages` (quotes of any kind, one or two digits) over
 * source files, where only seed data, tests and test fixtures may name an item.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const SOURCE = /\.(ts|svelte|astro)$/;
const ITEM_CODE_LITERAL = /["'`]O[0-9]{1,2}["'`]/;
const SKIP_DIRS = new Set([
  "node_modules",
  "dist",
  "build",
  ".svelte-kit",
  ".astro",
  ".turbo",
  "e2e",
]);

/** Seed data, tests and fixtures: the places allowed to name items. */
function allowed(path: string): boolean {
  return (
    /\.test\.ts$/.test(path) ||
    path.includes("/testing/") ||
    path.startsWith("packages/db/src/seed/demo-data") ||
    /^packages\/domain\/src\/frameworks\/ita-\d{4}\.ts$/.test(path)
  );
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* sourceFiles(join(dir, entry.name));
    } else if (SOURCE.test(entry.name)) yield join(dir, entry.name);
  }
}

describe("no item codes in code", () => {
  it("finds item codes only in seed data, tests and fixtures", () => {
    const offending: string[] = [];
    let scanned = 0;
    for (const top of ["apps", "packages"]) {
      for (const file of sourceFiles(join(ROOT, top))) {
        const path = relative(ROOT, file);
        if (allowed(path)) continue;
        scanned++;
        readFileSync(file, "utf8")
          .split("\n")
          .forEach((line, i) => {
            if (ITEM_CODE_LITERAL.test(line)) offending.push(`${path}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(scanned).toBeGreaterThan(100);
    expect(offending).toEqual([]);
  });

  it("would catch a constant", () => {
    expect(ITEM_CODE_LITERAL.test(`{ code: "O27", label }`)).toBe(true);
    expect(ITEM_CODE_LITERAL.test(`item.code === 'O5'`)).toBe(true);
    expect(ITEM_CODE_LITERAL.test(`item.tag === "complaint-channel"`)).toBe(false);
  });
});
