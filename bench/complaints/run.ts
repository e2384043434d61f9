/**
 * bench/complaints: sustained complaint filing against the built server on loopback —
 * submissions per second, latency (p50/p95), and how many receipts were lost (must be 0:
 * every receipt is tracked afterwards). Runs on embedded PGlite and, when reachable, on
 * the PostgreSQL server at 127.0.0.1:5432.
 *
 *   pnpm --filter @ita/bench bench:complaints [seconds=20] [clients=8] [text|files]
 *
 * `text` (the default) files through `complaints.file` over HTTP. `files` walks the
 * no-JavaScript form instead, as a complainant with evidence does: the evidence step
 * (multipart, one 1600×1200 photo of ~1 MB with EXIF, re-encoded to drop it, sealed and
 * stored) and then "send" on the review step.
 */
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  agencyIdBySlug,
  fileComplaint,
  fileComplaintWithEvidence,
  receiptTracks,
  scratchPostgresDatabase,
  startPortalServer,
} from "@ita/playwright-config/portal-server";
import sharp from "sharp";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = join(repo, ".data/bench-complaints");
const seconds = Number(process.argv[2] ?? 20);
const clients = Number(process.argv[3] ?? 8);
const withFiles = process.argv[4] === "files";
const port = 4490;
const base = `http://localhost:${port}`;

const file = (agency: string, n: number) =>
  fileComplaint(base, agency, n, {
    description: `เรื่องร้องเรียนทดสอบความเร็วที่ ${n} การจัดซื้อครุภัณฑ์ราคาสูงกว่าท้องตลาด`.repeat(4),
    formToken: `bench-token-${n}-${"y".repeat(24)}`,
  });

/** A noisy 1600×1200 JPEG (~1 MB, like a phone photo) carrying EXIF to remove. */
async function photo(): Promise<Uint8Array> {
  const pixels = Buffer.alloc(1600 * 1200 * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
  const jpeg = await sharp(pixels, { raw: { width: 1600, height: 1200, channels: 3 } })
    .jpeg({ quality: 85 })
    .withExif({ IFD0: { Artist: "bench" } })
    .toBuffer();
  return new Uint8Array(jpeg);
}

const fileWithEvidence = (n: number, bytes: Uint8Array) =>
  fileComplaintWithEvidence(base, "lamphun", n, {
    description: `เรื่องร้องเรียนทดสอบความเร็วที่ ${n} การจัดซื้อครุภัณฑ์ราคาสูงกว่าท้องตลาด`.repeat(4),
    formToken: `bench-form-${n}-${"y".repeat(24)}`,
    file: { name: `photo-${n}.jpg`, type: "image/jpeg", bytes },
  });

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function run(driver: "pglite" | "postgres") {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const env: Record<string, string> = {
    COMPLAINT_KEYRING_FILE: join(dataDir, "complaint-keyring.json"),
    COMPLAINT_FILES_DIR: join(dataDir, "complaint-files"),
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
    const evidence = withFiles ? await photo() : null;
    const latencies: number[] = [];
    const receipts: string[] = [];
    let failed = 0;
    let n = 0;
    const end = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < end) {
          const t0 = performance.now();
          const code = evidence ? await fileWithEvidence(n++, evidence) : await file(agency, n++);
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
      `${driver}${evidence ? ` (one ${(evidence.byteLength / 1024).toFixed(0)} KB photo each)` : ""}: ` +
        `${(receipts.length / seconds).toFixed(1)} complaints/s over ${seconds} s with ${clients} clients, ` +
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
