import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const portal = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The export names of the modules, as a child process sees them. */
function exportsOf(modules: string[], nodeArgs: string[]): Record<string, string[]> {
  const script = `const out = {};
for (const m of ${JSON.stringify(modules)}) out[m] = Object.keys(await import(m)).sort();
console.log(JSON.stringify(out));`;
  const stdout = execFileSync(
    process.execPath,
    [...nodeArgs, "--input-type=module", "-e", script],
    { cwd: portal, encoding: "utf8" },
  );
  return JSON.parse(stdout) as Record<string, string[]>;
}

it("resolves drizzle-orm, PGlite and the rest as Node does, only faster (fast-resolve.mjs)", () => {
  const modules = [
    "drizzle-orm",
    "drizzle-orm/pg-core",
    "drizzle-orm/pglite",
    "drizzle-orm/postgres-js",
    "@electric-sql/pglite",
    "sirv",
    "zod",
  ];
  const plain = exportsOf(modules, []);
  expect(plain["drizzle-orm/pg-core"]).toContain("pgTable");
  expect(exportsOf(modules, ["--import", "./fast-resolve.mjs"])).toEqual(plain);
}, 60_000);
