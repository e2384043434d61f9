/**
 * The kill test (issue #11): complaints are filed concurrently, the server is killed
 * with SIGKILL in the middle of the load and started again on the same data; every
 * complaint whose receipt was returned must be trackable, and no half-written complaint
 * may remain. Every other complaint goes through the no-JavaScript form with an evidence
 * file (evidence step, then "send" on the review step): after the restart each of those
 * shows its file, and the complaint file store holds exactly the files rows refer to (no
 * orphan). Runs its own server process (not the suite's), on PGlite and — when a
 * PostgreSQL server is reachable — on PostgreSQL.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, queryRows } from "@ita/db";
import {
  agencyIdBySlug,
  fileComplaint,
  fileComplaintWithEvidence,
  receiptTracks,
  scratchPostgresDatabase,
  startPortalServer,
  stopPortalServer,
  trackedFileNames,
} from "@ita/playwright-config/portal-server";
import { expect, test } from "@playwright/test";
import { sql } from "drizzle-orm";

const dataDir = join(dirname(fileURLToPath(import.meta.url)), "../../../.data/e2e-complaints-kill");
// eslint-disable-next-line no-restricted-syntax -- test harness settings
const port = 4418 + Number(process.env.E2E_PORT_OFFSET ?? 0);
const base = `http://localhost:${port}`;
const startServer = (env: Record<string, string>) => startPortalServer(port, env);

/** Files one complaint; null when refused or when the server died under the request. */
async function file(agencyId: string, n: number): Promise<string | null> {
  try {
    return await fileComplaint(base, agencyId, n, {
      description: `การทดสอบหยุดเครื่องกลางคัน เรื่องที่ ${n} ราคากลางสูงผิดปกติ`,
      formToken: `kill-test-token-${n}-${"x".repeat(24)}`,
    });
  } catch {
    return null; // the server died under this request
  }
}

/** A small valid PDF naming an author (removed on upload: real work per file). */
const EVIDENCE = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n4 0 obj<</Author(Kill Test Author)>>endobj\ntrailer<</Root 1 0 R/Info 4 0 R>>\n%%EOF\n",
);

/** The same through the form pages, with one evidence file named after `n`. */
async function fileWithEvidence(n: number): Promise<string | null> {
  try {
    return await fileComplaintWithEvidence(base, "lamphun", n, {
      description: `การทดสอบหยุดเครื่องพร้อมไฟล์หลักฐาน เรื่องที่ ${n} ราคากลางสูงผิดปกติ`,
      formToken: `kill-test-form-${n}-${"y".repeat(24)}`,
      file: { name: `หลักฐาน-${n}.pdf`, type: "application/pdf", bytes: EVIDENCE },
    });
  } catch {
    return null;
  }
}

/** Names of the files in the complaint file store (content-addressed, two folder levels). */
function storedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

for (const driver of ["pglite", "postgres"] as const) {
  test(`every receipt survives SIGKILL mid-load [${driver}]`, async () => {
    test.setTimeout(300_000);
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
      const database = await scratchPostgresDatabase("ita_kill");
      test.skip(!database, "no PostgreSQL server here");
      env.DATABASE_URL = database!.url;
      dropDatabase = database!.drop;
    }
    let server = await startServer(env);
    try {
      const agencyId = await agencyIdBySlug(base, "lamphun");
      const receipts: string[] = [];
      /** Receipts of complaints sent with a file, and the file's name. */
      const withFiles = new Map<string, string>();
      let sent = 0;
      // Six clients keep filing; the server is killed once 30 receipts are back.
      const killed = new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (receipts.length >= 30) {
            clearInterval(check);
            server.kill("SIGKILL");
            resolve();
          }
        }, 5);
      });
      let dead = false;
      void killed.then(() => (dead = true));
      await Promise.all(
        Array.from({ length: 6 }, async () => {
          while (!dead && sent < 500) {
            const n = sent++;
            const code = n % 2 ? await fileWithEvidence(n) : await file(agencyId, n);
            // A receipt answered even a moment before the kill is a promise kept.
            if (code) receipts.push(code);
            if (code && n % 2) withFiles.set(code, `หลักฐาน-${n}.pdf`);
          }
        }),
      );
      await killed;
      expect(receipts.length).toBeGreaterThanOrEqual(30);

      server = await startServer(env);
      const lost: string[] = [];
      for (let i = 0; i < receipts.length; i++)
        if (!(await receiptTracks(base, receipts[i]!, i))) lost.push(receipts[i]!);
      expect(lost, `${lost.length} of ${receipts.length} receipts lost`).toEqual([]);
      // Every complaint in the database is whole: counted once, none beyond what was sent.
      const stats = (await (
        await fetch(`${base}/open-data/agencies/lamphun/complaints.json`)
      ).json()) as { total: number; byState: { cells: { received: number } } };
      expect(stats.total).toBeGreaterThanOrEqual(receipts.length);
      expect(stats.total).toBeLessThanOrEqual(sent);
      expect(stats.byState.cells.received).toBe(stats.total);
      // Each complaint sent with a file has it.
      expect(withFiles.size).toBeGreaterThan(0);
      let i = 0;
      for (const [code, name] of withFiles)
        expect(await trackedFileNames(base, code, i++), code).toEqual([name]);
      // No orphan: once the restarted server has swept, the store holds exactly the files
      // rows refer to — complaints' and drafts' (a form killed between its two steps).
      await stopPortalServer(server);
      const handle = await createDatabase(
        driver === "postgres"
          ? { driver, url: env.DATABASE_URL! }
          : { driver, dataDir: env.PGLITE_DIR! },
        { owner: true },
      );
      const rows = await queryRows<{ storage_key: string }>(
        handle.db,
        sql`select storage_key from complaint_files`,
      );
      await handle.close();
      expect(storedFiles(env.COMPLAINT_FILES_DIR!).sort()).toEqual(
        rows.map((r) => r.storage_key).sort(),
      );
    } finally {
      server.kill("SIGKILL");
      await new Promise((r) => setTimeout(r, 500));
      dropDatabase();
    }
  });
}
