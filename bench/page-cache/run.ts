/**
 * The rendered-page cache against a static file (not a test; docs/performance.md):
 * the demo agency page measured with wrk, side by side in one run, served by
 *   - nginx, as a precompressed static file (the baseline; Debian's nginx and wrk),
 *   - the portal with the cache off (every request rendered),
 *   - the portal with the cache on, one process and two (PostgreSQL),
 *   - the portal on the embedded PGlite, cache on,
 * with each server's memory (RSS now and peak, all its processes). Every request asks
 * for gzip, as browsers do, so all of them send the same compressed bytes.
 *
 *   node bench/page-cache/run.ts [--duration 10] [--connections 50] [--port 4471]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import {
  scratchPostgresDatabase,
  startPortalServer,
  stopPortalServer,
} from "@ita/playwright-config/portal-server";
import { memoryOf } from "../shared/proc.ts";
import { startNginx } from "../shared/nginx.ts";
import { ensureLoadTools, runWrk } from "../shared/wrk.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const DURATION = arg("duration", 10);
const CONNECTIONS = arg("connections", 50);
const PAGE = "/agencies/lamphun";
// Another run on the same machine can take other ports (--port; nginx uses the next one).
const PORT = arg("port", 4471);
const ENCODING = "gzip";

interface Row {
  server: string;
  rps: number;
  p50: number;
  p99: number;
  rssMiB: number | null;
  peakMiB: number | null;
}

/** wrk's requests per second and 50th and 99th latency percentiles (shared/wrk.ts). */
async function load(base: string, path: string): Promise<Pick<Row, "rps" | "p50" | "p99">> {
  const result = await runWrk({
    base,
    paths: [path],
    seconds: DURATION,
    connections: CONNECTIONS,
    headers: { "Accept-Encoding": ENCODING },
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`wrk saw ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return { rps: result.requestsPerSecond, p50: result.p50, p99: result.p99 };
}

async function fetchPage(base: string, times = 3): Promise<{ body: string; status: string }> {
  let last = { body: "", status: "" };
  for (let i = 0; i < times; i++) {
    const res = await fetch(base + PAGE);
    last = { body: await res.text(), status: res.headers.get("cache-status") ?? "none" };
    await new Promise((r) => setTimeout(r, 200));
  }
  return last;
}

async function nginxBaseline(html: string): Promise<Row> {
  const nginx = await startNginx(new Map([[PAGE, html]]), PORT + 1);
  try {
    const row = await load(nginx.base, PAGE);
    return { server: "nginx, static file (baseline)", ...row, ...memoryOf(nginx.pid) };
  } finally {
    await nginx.stop();
  }
}

async function measurePortal(name: string, env: Record<string, string>): Promise<Row> {
  const child = await startPortalServer(PORT, { PORTAL_PROCESSES: "1", ...env });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const { status } = await fetchPage(base);
    const expected = env.PAGE_CACHE_MB === "0" ? "none" : "hit";
    if (!status.includes(expected)) throw new Error(`${name}: cache-status ${status}`);
    const row = await load(base, PAGE);
    return { server: name, ...row, ...memoryOf(child.pid!) };
  } finally {
    await stopPortalServer(child);
  }
}

ensureLoadTools();
console.log(
  `Page cache benchmark — ${new Date().toISOString()}; ${cpus().length} cores, Node ${process.version}`,
);
console.log(`wrk -t2 -c${CONNECTIONS} -d${DURATION}s, Accept-Encoding: ${ENCODING}, GET ${PAGE}\n`);

const rows: Row[] = [];
const database = await scratchPostgresDatabase("ita_bench_cache");
const dataDir = mkdtempSync(join(tmpdir(), "ita-bench-cache-"));
try {
  const pglite = { DATABASE_URL: "", PGLITE_DIR: join(dataDir, "pglite") };
  // Seed once; the same data serves the PGlite rows.
  const first = await startPortalServer(PORT, pglite);
  const { body: html } = await fetchPage(`http://127.0.0.1:${PORT}`);
  const idle = memoryOf(first.pid!);
  await stopPortalServer(first);
  rows.push(await nginxBaseline(html));
  rows.push(await measurePortal("portal, PGlite, cache off", { ...pglite, PAGE_CACHE_MB: "0" }));
  rows.push(await measurePortal("portal, PGlite, cache on", pglite));
  console.log(
    `Embedded (PGlite) after start with the demo: RSS ${idle.rssMiB} MiB (peak ${idle.peakMiB} MiB)\n`,
  );
  if (database) {
    const pg = { DATABASE_URL: database.url, DEMO_DATA: "1" };
    rows.push(await measurePortal("portal, PostgreSQL, cache off", { ...pg, PAGE_CACHE_MB: "0" }));
    rows.push(await measurePortal("portal, PostgreSQL, cache on, 1 process", pg));
    rows.push(
      await measurePortal("portal, PostgreSQL, cache on, 2 processes", {
        ...pg,
        PORTAL_PROCESSES: "2",
      }),
    );
  } else {
    console.log("No PostgreSQL server at 127.0.0.1:5432: its rows are skipped.\n");
  }
} finally {
  database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const baseline = rows[0]!.rps;
console.log("| server | req/s | of nginx | p50 | p99 | RSS MiB (peak) |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows)
  console.log(
    `| ${r.server} | ${Math.round(r.rps).toLocaleString("en")} | ${((100 * r.rps) / baseline).toFixed(1)} % | ${ms(r.p50)} | ${ms(r.p99)} | ${r.rssMiB ?? "?"} (${r.peakMiB ?? "?"}) |`,
  );
