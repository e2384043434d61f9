/**
 * The kill test (issue #11): complaints are filed concurrently, the server is killed
 * with SIGKILL in the middle of the load and started again on the same data; every
 * complaint whose receipt was returned must be trackable, and no half-written complaint
 * may remain. Runs its own server process (not the suite's), on PGlite and — when a
 * PostgreSQL server is reachable — on PostgreSQL.
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
import { expect, test } from "@playwright/test";

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

for (const driver of ["pglite", "postgres"] as const) {
  test(`every receipt survives SIGKILL mid-load [${driver}]`, async () => {
    test.setTimeout(300_000);
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
      const database = await scratchPostgresDatabase("ita_kill");
      test.skip(!database, "no PostgreSQL server here");
      env.DATABASE_URL = database!.url;
      dropDatabase = database!.drop;
    }
    let server = await startServer(env);
    try {
      const agencyId = await agencyIdBySlug(base, "lamphun");
      const receipts: string[] = [];
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
            const code = await file(agencyId, sent++);
            // A receipt answered even a moment before the kill is a promise kept.
            if (code) receipts.push(code);
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
    } finally {
      server.kill("SIGKILL");
      await new Promise((r) => setTimeout(r, 500));
      dropDatabase();
    }
  });
}
