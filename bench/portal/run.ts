/**
 * National-scale portal benchmark (not a test): seeds ~8,000 agencies and over a
 * million disclosures, starts the built portal, and measures its pages with
 * autocannon next to the same HTML served as a static file. See docs/performance.md.
 *
 *   pnpm bench:portal [--pglite] [--agencies N] [--entries N] [--duration S] [--keep] [--reuse]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, platform, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { migrateDatabase } from "@ita/db/migrate";
import { readArgs } from "./args.ts";
import { BENCH_DB_NAME, benchDatabase, databaseBytes, hasDataset, recreate } from "./database.ts";
import { generateDataset, type DatasetSummary } from "./dataset.ts";
import { measure, settle, type Measurement, type Target } from "./measure.ts";
import { formatBytes, phasesTable, resultsTable } from "./report.ts";
import { transferLine } from "./transfer.ts";
import { sampleTargets } from "./sample.ts";
import { applySuggestions } from "./suggestions.ts";
import {
  ensurePortalBuilt,
  startPortal,
  startStaticServer,
  type RunningServer,
} from "./servers.ts";

/** Hard stop for the whole run, whatever hangs. */
const OVERALL_LIMIT_MS = 45 * 60_000;
const AIMS = { agencyP95: 50, searchP95: 150, generationSeconds: 300 };

const args = readArgs(process.argv.slice(2));
const target = benchDatabase(args.driver);
const running: RunningServer[] = [];
let tempDir: string | undefined;

async function cleanup() {
  for (const server of running.splice(0)) await server.stop();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  if (!args.keep) {
    await target.drop();
    console.log(`Dropped the bench database (${target.describe}); --keep keeps it.`);
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping servers …`);
    void cleanup().finally(() => process.exit(130));
  });
}
const overall = setTimeout(() => {
  console.error(`Benchmark exceeded ${OVERALL_LIMIT_MS / 60_000} min; stopping.`);
  void cleanup().finally(() => process.exit(1));
}, OVERALL_LIMIT_MS);
overall.unref();

const now = new Date();
console.log(`ITA portal benchmark — ${now.toISOString()}`);
console.log(
  `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "?"}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, ${platform()}, Node ${process.version}`,
);
console.log(`Driver: ${target.describe}${args.suggested ? " + suggested schema changes" : ""}\n`);

let exitCode = 0;
try {
  if (!args.seedOnly) await ensurePortalBuilt();

  // 1. The dataset.
  let summary: DatasetSummary | undefined;
  const handle = await (async () => {
    if (args.reuse) {
      const h = await target.open();
      if (!(await hasDataset(h)))
        throw new Error("--reuse: the bench database has no dataset; run once with --keep first");
      // A kept dataset measures the current schema: apply migrations written since.
      await migrateDatabase(h);
      console.log("Reusing the existing bench dataset.");
      return h;
    }
    await recreate(target);
    const h = await target.open();
    await migrateDatabase(h);
    console.log(
      `Generating ${args.agencies.toLocaleString("en-US")} agencies, ~${args.entries.toLocaleString("en-US")} entries …`,
    );
    summary = await generateDataset(h.db, {
      agencies: args.agencies,
      entries: args.entries,
      now,
      log: console.log,
    });
    return h;
  })();
  await applySuggestions(handle, BENCH_DB_NAME, args.suggested);
  if (args.suggested)
    console.log("Applied the suggested index, statistics and jit = off (docs/performance.md).");
  const bytes = await databaseBytes(handle);
  const sample = await sampleTargets(handle.db);
  await handle.close(); // PGlite: the server must be the only process on the directory

  if (summary) {
    console.log(
      `\nDataset generated in ${summary.seconds.toFixed(1)} s (aim < ${AIMS.generationSeconds} s):`,
    );
    console.log(
      `  ${summary.agencies.toLocaleString("en-US")} agencies in ${summary.districts} districts, ` +
        `${summary.entries.toLocaleString("en-US")} entries, ${summary.versions.toLocaleString("en-US")} versions, ` +
        `${summary.searchDocuments.toLocaleString("en-US")} search documents`,
    );
    console.log(phasesTable(summary.phases));
  }
  console.log(`Database size: ${formatBytes(bytes)}\n`);
  if (args.seedOnly) {
    console.log("--seed-only: not measuring.");
  } else {
    // 2. The real portal, and the baseline serving one of its pages as a file.
    const portal = await startPortal(target.serverEnv);
    running.push(portal);
    console.log(`Portal running at ${portal.base} (DEMO_DATA=0)`);
    const pageResponse = await fetch(portal.base + sample.baselinePath, {
      signal: AbortSignal.timeout(60_000),
    });
    if (!pageResponse.ok)
      throw new Error(`GET ${sample.baselinePath} answered ${pageResponse.status}`);
    console.log(
      `Transferred bytes of ${sample.baselinePath}: ${await transferLine(portal.base + sample.baselinePath)}`,
    );
    tempDir = mkdtempSync(join(tmpdir(), "ita-bench-"));
    const pageFile = join(tempDir, "agency.html");
    writeFileSync(pageFile, Buffer.from(await pageResponse.arrayBuffer()));
    const staticServer = await startStaticServer(pageFile);
    running.push(staticServer);

    // 3. Measure, one target after the other.
    const targets: Target[] = [
      {
        name: `static file (same HTML as ${sample.baselinePath})`,
        base: staticServer.base,
        paths: ["/agency.html"],
      },
      ...sample.targets
        .filter(
          (t) => args.only.length === 0 || args.only.some((prefix) => t.name.startsWith(prefix)),
        )
        .map((t) => ({ ...t, base: portal.base })),
    ];
    const warmupSeconds = Math.min(2, args.duration);
    console.log(
      `Measuring ${targets.length} targets: ${args.duration} s each after ${warmupSeconds} s warm-up, ${args.connections} connections …`,
    );
    const results: Measurement[] = [];
    for (const t of targets) {
      const waited = await settle(portal.base, sample.baselinePath);
      if (waited > 2)
        console.log(
          `  (waited ${waited.toFixed(0)} s for the portal to drain the previous target's backlog)`,
        );
      const result = await measure(t, {
        seconds: args.duration,
        connections: args.connections,
        warmupSeconds,
      });
      console.log(
        `  ${t.name}: ${result.status === "ok" ? `${Math.round(result.requestsPerSecond)} req/s, p95 ${result.p95.toFixed(1)} ms` : result.detail}`,
      );
      results.push(result);
    }
    console.log(
      `\nResults (${args.driver}${args.suggested ? " + suggested" : ""}, ${args.connections} connections, ${args.duration} s per target):\n`,
    );
    console.log(resultsTable(results, results[0]));

    const verdict = (name: string, value: number | undefined, aim: number, unit: string) =>
      value === undefined || !Number.isFinite(value)
        ? `  ${name}: not measured`
        : `  ${name}: ${value.toFixed(1)} ${unit} — ${value < aim ? "meets" : "MISSES"} the aim (< ${aim} ${unit})`;
    const byName = (prefix: string) =>
      results.filter((r) => r.name.startsWith(prefix) && r.status === "ok");
    console.log("\nAims:");
    console.log(verdict("agency page p95", byName("agency page")[0]?.p95, AIMS.agencyP95, "ms"));
    for (const s of byName("search"))
      console.log(verdict(`${s.name} p95`, s.p95, AIMS.searchP95, "ms"));
    if (summary)
      console.log(verdict("dataset generation", summary.seconds, AIMS.generationSeconds, "s"));
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await cleanup();
  clearTimeout(overall);
}
process.exit(exitCode);
