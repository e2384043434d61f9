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
import { startPortalServer, scratchPostgresDatabase } from "@ita/playwright-config/portal-server";
import { expect, request, test } from "@playwright/test";

const dataDir = join(dirname(fileURLToPath(import.meta.url)), "../../../.data/e2e-complaints-kill");
// eslint-disable-next-line no-restricted-syntax -- test harness settings
const port = 4418 + Number(process.env.E2E_PORT_OFFSET ?? 0);
const base = `http://localhost:${port}`;
const startServer = (env: Record<string, string>) => startPortalServer(port, env);

async function lamphunId(): Promise<string> {
  const api = await request.newContext({ baseURL: base });
  const res = await api.get(
    `/api/trpc/agency.bySlug?input=${encodeURIComponent(JSON.stringify({ json: { slug: "lamphun" } }))}`,
  );
  const body = (await res.json()) as { result: { data: { json: { id: string } } } };
  await api.dispose();
  return body.result.data.json.id;
}

/** Files one complaint over HTTP, as from a distinct client (via our trusted proxy header). */
async function file(agencyId: string, n: number): Promise<string | null> {
  try {
    const res = await fetch(`${base}/api/trpc/complaints.file`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: base,
        "x-forwarded-for": `198.18.${(n >> 8) & 255}.${n & 255}`,
      },
      body: JSON.stringify({
        json: {
          agencyId,
          subject: "procurement",
          description: `การทดสอบหยุดเครื่องกลางคัน เรื่องที่ ${n} ราคากลางสูงผิดปกติ`,
          formToken: `kill-test-token-${n}-${"x".repeat(24)}`,
        },
      }),
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { result: { data: { json: { receiptCode: string } } } };
    return body.result.data.json.receiptCode;
  } catch {
    return null; // the server died under this request
  }
}

async function trackable(code: string, n: number): Promise<boolean> {
  const res = await fetch(
    `${base}/api/trpc/complaints.track?input=${encodeURIComponent(JSON.stringify({ json: { code } }))}`,
    { headers: { "x-forwarded-for": `198.19.${(n >> 8) & 255}.${n & 255}` } },
  );
  return res.ok;
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
      const agencyId = await lamphunId();
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
        if (!(await trackable(receipts[i]!, i))) lost.push(receipts[i]!);
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
