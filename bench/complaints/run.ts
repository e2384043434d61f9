/**
 * bench/complaints: sustained complaint filing against the built server on loopback —
 * submissions per second, latency (p50/p95), and how many receipts were lost (must be 0:
 * every receipt is tracked afterwards). Runs on embedded PGlite and, when reachable, on
 * the PostgreSQL server at 127.0.0.1:5432.
 *
 *   pnpm --filter @ita/bench bench:complaints [seconds=20] [clients=8]
 *
 * Evidence files are not part of filing yet (issue #11), so only the text path is measured.
 */
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  agencyIdBySlug,
  fileComplaint,
  receiptTracks,
  scratchPostgresDatabase,
  startPortalServer,
} from "@ita/playwright-config/portal-server";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = join(repo, ".data/bench-complaints");
const seconds = Number(process.argv[2] ?? 20);
const clients = Number(process.argv[3] ?? 8);
const port = 4490;
const base = `http://localhost:${port}`;

const file = (agency: string, n: number) =>
  fileComplaint(base, agency, n, {
    description: `เรื่องร้องเรียนทดสอบความเร็วที่ ${n} การจัดซื้อครุภัณฑ์ราคาสูงกว่าท้องตลาด`.repeat(4),
    formToken: `bench-token-${n}-${"y".repeat(24)}`,
  });

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function run(driver: "pglite" | "postgres") {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const env: Record<string, string> = {
    COMPLAINT_KEYRING_FILE: join(dataDir, "complaint-keyring.json"),
    PGLITE_DIR: join(dataDir, "pglite"),
    DATABASE_URL: "",
    // SIGKILL must stop the one process that holds the receipts, not leave workers behind.
    PORTAL_PROCESSES: "1",
  };
  let dropDatabase = () => {};
  if (driver === "postgres") {
    const database = await scratchPostgresDatabase("ita_bench_complaints");
    if (!database) {
      console.log("postgres: no server at 127.0.0.1:5432, skipped");
      return;
    }
    env.DATABASE_URL = database.url;
    dropDatabase = database.drop;
  }
  const server = await startPortalServer(port, env, { stderr: "inherit" });
  try {
    const agency = await agencyIdBySlug(base, "lamphun");
    const latencies: number[] = [];
    const receipts: string[] = [];
    let failed = 0;
    let n = 0;
    const end = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < end) {
          const t0 = performance.now();
          const code = await file(agency, n++);
          latencies.push(performance.now() - t0);
          if (code) receipts.push(code);
          else failed++;
        }
      }),
    );
    let lost = 0;
    for (let i = 0; i < receipts.length; i++)
      if (!(await receiptTracks(base, receipts[i]!, i))) lost++;
    latencies.sort((a, b) => a - b);
    console.log(
      `${driver}: ${(receipts.length / seconds).toFixed(1)} complaints/s over ${seconds} s with ${clients} clients, ` +
        `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, ` +
        `${receipts.length} receipts, ${failed} refused, ${lost} lost`,
    );
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
    server.kill("SIGKILL");
    dropDatabase();
  }
}

await run("pglite");
await run("postgres");
