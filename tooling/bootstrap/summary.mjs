// Adds up what every test runner of `npm test` reported (vitest and Playwright JSON
// reports under */*/test-results/) and prints one closing line: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];

for (const group of ["apps", "packages", "tooling"]) {
  for (const name of readdirSync(join(root, group))) {
    const dir = join(root, group, name, "test-results");
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      const report = JSON.parse(readFileSync(join(dir, file), "utf8"));
      let p = 0,
        f = 0,
        s = 0;
      if ("numPassedTests" in report) {
        p = report.numPassedTests;
        // A file that failed to load has no failed test of its own: count it once.
        const brokenFiles = (report.testResults ?? []).filter(
          (r) =>
            r.status === "failed" && !(r.assertionResults ?? []).some((a) => a.status === "failed"),
        ).length;
        f = report.numFailedTests + brokenFiles;
        s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
      } else if (report.stats) {
        p = report.stats.expected + (report.stats.flaky ?? 0);
        f = report.stats.unexpected;
        s = report.stats.skipped ?? 0;
      }
      passed += p;
      failed += f;
      skipped += s;
      rows.push(`  ${group}/${name} (${file.replace(".json", "")}): ${p} passed, ${f} failed`);
    }
  }
}

console.log("\nTest summary");
for (const row of rows) console.log(row);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
