/**
 * The trust boundary (CONVENTIONS "Growing the house"): only complaint use cases in
 * this folder may import crypto.ts, the module that holds complaint keys.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "../../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (["node_modules", "dist", "build", ".svelte-kit", ".astro", ".data"].includes(d.name))
      return [];
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs|svelte|astro)$/.test(d.name) ? [path] : [];
  });
}

const cryptoModule = join(here, "crypto.ts");
const SPECIFIER = /(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g;

/** Whether a file imports crypto.ts, by a relative path or any package path ending in it. */
function importsCrypto(file: string): boolean {
  for (const [, spec] of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
    if (spec!.startsWith(".")) {
      const target = join(dirname(file), spec!);
      if (target === cryptoModule || `${target}.ts` === cryptoModule) return true;
    } else if (/complaints\/crypto(\.ts)?$/.test(spec!)) return true;
  }
  return false;
}

describe("complaint crypto boundary", () => {
  it("crypto.ts is imported only from packages/api/src/complaints/", () => {
    const importers = ["apps", "packages", "bench", "tooling"]
      .flatMap((top) => {
        try {
          return sourceFiles(join(repo, top));
        } catch {
          return [];
        }
      })
      .filter((f) => importsCrypto(f))
      .map((f) => relative(repo, f));
    expect(importers.length).toBeGreaterThan(3);
    expect(importers.filter((f) => !f.startsWith("packages/api/src/complaints/"))).toEqual([]);
  });
});
