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
 *   node bench/page-cache/run.ts [--duration 10] [--connections 50]
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import {
  scratchPostgresDatabase,
  startPortalServer,
  stopPortalServer,
} from "@ita/playwright-config/portal-server";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const DURATION = arg("duration", 10);
const CONNECTIONS = arg("connections", 50);
const PAGE = "/agencies/lamphun";
const PORT = 4471;
const ENCODING = "gzip";

interface Row {
  server: string;
  rps: number;
  p50: string;
  p99: string;
  rssMiB: number | null;
  peakMiB: number | null;
}

function need(program: string) {
  try {
    execFileSync("sh", ["-c", `command -v ${program}`], { stdio: "ignore" });
  } catch {
    console.error(`${program} is missing: apt-get install -y wrk nginx-light`);
    process.exit(1);
  }
}

/** wrk's summary: requests per second and the 50th and 99th latency percentiles. */
function runWrk(url: string): Pick<Row, "rps" | "p50" | "p99"> {
  const out = execFileSync(
    "wrk",
    [
      "-t2",
      `-c${CONNECTIONS}`,
      `-d${DURATION}s`,
      "--latency",
      "-H",
      `Accept-Encoding: ${ENCODING}`,
      url,
    ],
    { encoding: "utf8" },
  );
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const p = (q: string) => new RegExp(`\\s${q}%\\s+([\\d.]+\\w+)`).exec(out)?.[1] ?? "?";
  if (/Non-2xx/.test(out)) throw new Error(`wrk saw errors:\n${out}`);
  return { rps, p50: p("50"), p99: p("99") };
}

/** RSS and peak RSS of a process and its children (cluster workers), in MiB. */
function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const pids = [pid];
  try {
    pids.push(
      ...execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    // no children
  }
  let rss = 0;
  let peak = 0;
  for (const p of pids) {
    const status = readFileSync(`/proc/${p}/status`, "utf8");
    rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    peak += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return { rssMiB: Math.round(rss / 1024), peakMiB: Math.round(peak / 1024) };
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
  const dir = mkdtempSync(join(tmpdir(), "ita-bench-nginx-"));
  const root = join(dir, "root");
  execFileSync("mkdir", ["-p", join(root, "agencies")]);
  writeFileSync(join(root, "agencies", "lamphun"), html);
  writeFileSync(join(root, "agencies", "lamphun.gz"), gzipSync(html, { level: 9 }));
  const conf = join(dir, "nginx.conf");
  writeFileSync(
    conf,
    `daemon off; worker_processes auto; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http { access_log off; client_body_temp_path ${dir}; proxy_temp_path ${dir};
  fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  default_type text/html; gzip_static on;
  server { listen 127.0.0.1:${PORT + 1}; root ${root}; } }`,
  );
  const nginx: ChildProcess = spawn("nginx", ["-c", conf, "-p", dir], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 1000));
  try {
    const row = runWrk(`http://127.0.0.1:${PORT + 1}${PAGE}`);
    return { server: "nginx, static file (baseline)", ...row, ...memoryOf(nginx.pid!) };
  } finally {
    nginx.kill("SIGQUIT");
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measurePortal(name: string, env: Record<string, string>): Promise<Row> {
  const child = await startPortalServer(PORT, { PORTAL_PROCESSES: "1", ...env });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const { status } = await fetchPage(base);
    const expected = env.PAGE_CACHE_MB === "0" ? "none" : "hit";
    if (!status.includes(expected)) throw new Error(`${name}: cache-status ${status}`);
    const row = runWrk(base + PAGE);
    return { server: name, ...row, ...memoryOf(child.pid!) };
  } finally {
    await stopPortalServer(child);
  }
}

need("wrk");
need("nginx");
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

const baseline = rows[0]!.rps;
console.log("| server | req/s | of nginx | p50 | p99 | RSS MiB (peak) |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows)
  console.log(
    `| ${r.server} | ${Math.round(r.rps).toLocaleString("en")} | ${((100 * r.rps) / baseline).toFixed(1)} % | ${r.p50} | ${r.p99} | ${r.rssMiB ?? "?"} (${r.peakMiB ?? "?"}) |`,
  );
