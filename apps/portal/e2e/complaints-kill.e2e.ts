/**
 * The kill test (issue #11): complaints are filed concurrently, the server is killed
 * with SIGKILL in the middle of the load and started again on the same data; every
 * complaint whose receipt was returned must be trackable, and no half-written complaint
 * may remain. Runs its own server process (not the suite's), on PGlite and — when a
 * PostgreSQL server is reachable — on PostgreSQL.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, request, test } from "@playwright/test";

const portalDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = join(portalDir, "../../.data/e2e-complaints-kill");
// eslint-disable-next-line no-restricted-syntax -- test harness settings
const port = 4418 + Number(process.env.E2E_PORT_OFFSET ?? 0);
const base = `http://localhost:${port}`;

function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn("node", ["server.mjs"], {
    cwd: portalDir,
    // eslint-disable-next-line no-restricted-syntax -- the child inherits PATH etc.
    env: { ...process.env, PORT: String(port), DEMO_DATA: "1", TRUSTED_PROXY_HOPS: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start")), 120_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("is running")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on("data", () => {});
    child.once("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
}

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

function postgresReachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port: 5432 });
    socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

const bin = (name: string) =>
  [`/usr/lib/postgresql/15/bin/${name}`, `/usr/bin/${name}`].find(existsSync);

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
      const createdb = bin("createdb");
      test.skip(!(await postgresReachable()) || !createdb, "no PostgreSQL server here");
      const name = `ita_kill_${Date.now().toString(36)}`;
      execFileSync(createdb!, [
        "-h",
        "127.0.0.1",
        "-U",
        "postgres",
        "-T",
        "template0",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
        name,
      ]);
      env.DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${name}`;
      dropDatabase = () =>
        execFileSync(bin("dropdb")!, ["-h", "127.0.0.1", "-U", "postgres", "--force", name]);
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
