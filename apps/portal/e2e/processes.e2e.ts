/**
 * Several portal processes share nothing but PostgreSQL (docs/deploy.md): a change made
 * through one shows at once through another, whose page cache heard of it by LISTEN/NOTIFY
 * (docs/adr/0018-rendered-page-cache.md). Two separate servers, as on two machines, and
 * one server running two processes with node:cluster.
 */
import { parseDemoPassword } from "@ita/playwright-config/accounts";
import {
  scratchPostgresDatabase,
  startPortalServer,
  stopPortalServer,
} from "@ita/playwright-config/portal-server";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import type { ChildProcess } from "node:child_process";

interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** A server on `port` whose output (the demo sign-ins on a first start) is kept. */
async function startServer(port: number, env: Record<string, string>): Promise<ServerProcess> {
  let printed = "";
  const child = await startPortalServer(port, env, { onOutput: (text) => (printed += text) });
  return { child, output: () => printed, stop: () => stopPortalServer(child) };
}

// eslint-disable-next-line no-restricted-syntax -- test harness settings
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const portA = 4421 + offset;
const portB = 4422 + offset;
const PAGE = "/agencies/lamphun";

async function visit(api: APIRequestContext) {
  const res = await api.get(PAGE, { headers: { "accept-encoding": "br" } });
  expect(res.status()).toBe(200);
  return { status: res.headers()["cache-status"] ?? "", text: await res.text() };
}

/** Signs the demo agency administrator in through `api` and changes the agency's address. */
async function changeAddress(api: APIRequestContext, base: string, password: string) {
  const headers = { origin: base, "content-type": "application/json" };
  const signedIn = await api.post("/api/trpc/auth.signIn", {
    headers,
    data: { json: { email: "agency-admin@example.go.th", password } },
  });
  expect(signedIn.status()).toBe(200);
  const bySlug = await api.get(
    `/api/trpc/agency.bySlug?input=${encodeURIComponent(JSON.stringify({ json: { slug: "lamphun" } }))}`,
  );
  const agencyId = ((await bySlug.json()) as { result: { data: { json: { id: string } } } }).result
    .data.json.id;
  const profile = await api.get(
    `/api/trpc/agencyAdmin.profile?input=${encodeURIComponent(JSON.stringify({ json: { agencyId } }))}`,
  );
  const current = ((await profile.json()) as { result: { data: { json: object } } }).result.data
    .json;
  const address = `ที่อยู่ใหม่ ${Date.now().toString(36)}`;
  const saved = await api.post("/api/trpc/agencyAdmin.updateProfile", {
    headers,
    data: { json: { ...current, agencyId, address } },
  });
  expect(saved.status()).toBe(200);
  return address;
}

test.describe.serial("several processes on one PostgreSQL database", () => {
  let database: { url: string; drop(): void } | null = null;
  let seeded: ServerProcess | null = null;
  let password = "";
  const running: ServerProcess[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    database = await scratchPostgresDatabase("ita_processes");
    test.skip(!database, "no PostgreSQL server here");
    // The first start migrates and seeds the demo; its sign-ins are printed on PostgreSQL.
    seeded = await startServer(portA, {
      DATABASE_URL: database!.url,
      PORTAL_PROCESSES: "1",
    });
    running.push(seeded);
    password = parseDemoPassword(seeded.output(), "agency-admin@example.go.th");
  });

  test.afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    database?.drop();
  });

  test("a change made through one process shows at once through the other", async () => {
    test.setTimeout(120_000);
    const other = await startServer(portB, {
      DATABASE_URL: database!.url,
      PORTAL_PROCESSES: "1",
    });
    running.push(other);
    const a = await request.newContext({ baseURL: `http://localhost:${portA}` });
    const b = await request.newContext({ baseURL: `http://localhost:${portB}` });
    // Kept once compressed: beside the other suites of `npm test` that can take seconds.
    await expect
      .poll(async () => (await visit(b)).status, { timeout: 20_000 })
      .toBe("ita-portal; hit");
    const address = await changeAddress(a, `http://localhost:${portA}`, password);
    // Delivered by NOTIFY a moment after the commit: the other process follows within it.
    await expect
      .poll(async () => (await visit(b)).text.includes(address), { timeout: 3_000 })
      .toBe(true);
    await a.dispose();
    await b.dispose();
    await Promise.all(running.splice(0).map((s) => s.stop()));
  });

  test("with PORTAL_PROCESSES=2, every process forgets the changed page", async () => {
    test.setTimeout(120_000);
    const cluster = await startServer(portA, {
      DATABASE_URL: database!.url,
      PORTAL_PROCESSES: "2",
    });
    running.push(cluster);
    expect(cluster.output()).toContain("2 processes");
    const visitor = await request.newContext({ baseURL: `http://localhost:${portA}` });
    // Each process keeps the page (connections are dealt to the processes in turn).
    for (let i = 0; i < 8; i++) await visit(visitor);
    const staff = await request.newContext({ baseURL: `http://localhost:${portA}` });
    const address = await changeAddress(staff, `http://localhost:${portA}`, password);
    await expect
      .poll(async () => (await visit(visitor)).text.includes(address), { timeout: 3_000 })
      .toBe(true);
    for (let i = 0; i < 8; i++) {
      const fresh = await request.newContext({ baseURL: `http://localhost:${portA}` });
      expect((await visit(fresh)).text).toContain(address);
      await fresh.dispose();
    }
    await visitor.dispose();
    await staff.dispose();
  });
});
