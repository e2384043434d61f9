import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

function workspacePackages(): string[] {
  const dirs = ["apps", "packages", "tooling"].flatMap((group) =>
    readdirSync(join(root, group)).map((name) => join(group, name)),
  );
  return [".", "bench", ...dirs].filter((dir) => existsSync(join(root, dir, "package.json")));
}

it("a third-party package used by several workspace packages takes its version from the catalog", () => {
  const pinnedBy = new Map<string, string[]>();
  for (const dir of workspacePackages()) {
    const pkg = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
    for (const deps of [pkg.dependencies, pkg.devDependencies]) {
      for (const [name, spec] of Object.entries<string>(deps ?? {})) {
        if (spec.startsWith("workspace:") || spec.startsWith("catalog:")) continue;
        pinnedBy.set(name, [...(pinnedBy.get(name) ?? []), dir]);
      }
    }
  }
  const repeated = [...pinnedBy].filter(([, dirs]) => dirs.length > 1);
  expect(repeated).toEqual([]);
});
