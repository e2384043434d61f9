// @vitest-environment node
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { glossaryProblems } from "@ita/domain/glossary";
import { describe, expect, it } from "vitest";

/** The admin's strings live where they are used, as t("ไทย", "English") pairs: read them all. */
const SRC = new URL("..", import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? files(join(dir, d.name))
      : /\.(svelte|ts)$/.test(d.name) && !d.name.endsWith(".test.ts")
        ? [join(dir, d.name)]
        : [],
  );

const LITERAL = String.raw`"(?:[^"\\]|\\.)*"`;
const T_CALL = new RegExp(String.raw`\bt\(\s*(${LITERAL})\s*,\s*(${LITERAL})`, "g");

const strings = files(SRC).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(T_CALL)].flatMap((m) =>
    [m[1]!, m[2]!].map((s) => [relative(SRC, file), JSON.parse(s) as string] as const),
  ),
);

describe("the admin's strings follow docs/glossary.md", () => {
  it("reads the t() pairs", () => {
    expect(strings.length).toBeGreaterThan(300);
  });

  it("breaks no rule that a machine can check", () => {
    const problems = strings.flatMap(([file, s]) =>
      glossaryProblems(s).map((p) => `${file}: ${p}`),
    );
    expect(problems).toEqual([]);
  });
});
