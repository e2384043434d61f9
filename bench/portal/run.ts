/**
 * National-scale portal benchmark (not a test): seeds ~8,000 agencies and over a
 * million disclosures, starts the built portal, and measures its pages with wrk next to
 * nginx serving the same bytes: cache hits and misses, one and two processes, memory
 * and transferred bytes (compare.ts). See docs/performance.md.
 *
 *   pnpm bench:portal [--pglite] [--agencies N] [--entries N] [--duration S] [--connections 10,50] [--keep] [--reuse]
 */
import { rmSync } from "node:fs";
import { cpus, platform, totalmem } from "node:os";
import { migrateDatabase } from "@ita/db/migrate";
import { sql } from "drizzle-orm";
import { ensureLoadTools } from "../shared/wrk.ts";
import { readArgs } from "./args.ts";
import { AIMS, measureEverything, verdict } from "./compare.ts";
import { BENCH_DB_NAME, benchDatabase, databaseBytes, hasDataset, recreate } from "./database.ts";
import { generateDataset, type DatasetSummary } from "./dataset.ts";
import { formatBytes, phasesTable } from "./report.ts";
import { sampleTargets } from "./sample.ts";
import { applySuggestions } from "./suggestions.ts";
import { ensurePortalBuilt, type RunningServer } from "./servers.ts";

/** Hard stop for the whole run, whatever hangs. */
const OVERALL_LIMIT_MS = 45 * 60_000;

const args = readArgs(process.argv.slice(2));
const target = benchDatabase(args.driver);
const running: RunningServer[] = [];
const tempDirs: string[] = [];

async function cleanup() {
  for (const server of running.splice(0)) await server.stop();
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  if (args.keep) {
    console.log(
      `Kept the bench database (${target.describe}) for --reuse; ` +
        (target.driver === "postgres"
          ? `drop it with: dropdb -h 127.0.0.1 -U postgres ${BENCH_DB_NAME}`
          : "delete the folder to drop it."),
    );
  } else {
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
  if (!args.seedOnly) {
    // Before the dataset: a missing nginx or wrk should stop the run early.
    ensureLoadTools();
    await ensurePortalBuilt();
  }

  // 1. The dataset.
  let summary: DatasetSummary | undefined;
  const handle = await (async () => {
    if (args.reuse) {
      const h = await target.open();
      if (!(await hasDataset(h)))
        throw new Error("--reuse: the bench database has no dataset; run once with --keep first");
      // A kept dataset measures the current schema: apply migrations written since. One
      // that rewrote a table left its visibility map empty (index-only scans then read
      // the table): vacuum, as a deployment does after such an upgrade (a few seconds
      // when nothing changed).
      await migrateDatabase(h);
      await h.db.execute(sql`vacuum analyze`);
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
    const report = await measureEverything({
      args,
      database: target,
      sample,
      running,
      tempDirs,
    });
    console.log(report);
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
