/**
 * CPU a request costs the portal (and PostgreSQL), not the wall clock: on a machine
 * shared with other work, req/s and latencies say how busy the machine was, while the
 * processor time the portal's processes spent per answered request (utime + stime from
 * /proc/<pid>/stat, before and after a wrk run) compares across runs. Not a test;
 * docs/performance.md, "CPU per request".
 *
 *   node bench/page-cache/cpu.ts [--target nginx,node,hit,miss,search] [--duration 10] [--connections 50]
 *                               [--processes 1] [--port 4630] [--pglite]
 *
 * Targets, on the demo data in a scratch PostgreSQL database (or the embedded PGlite):
 *   - `hit`: the demo's Lamphun agency page, warmed, asked for with gzip (cache on);
 *   - `miss`: every demo agency page in turn, cache off, 10 connections;
 *   - `search`: `/search?q=…` with a word found in few documents, cache off, 10 connections;
 *   - `node`: a bare `node:http` server answering the same gzip bytes, the floor of a hit;
 *   - `nginx`: nginx serving the same bytes as a precompressed file (all its workers).
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import {
  scratchPostgresDatabase,
  startPortalServer,
  stopPortalServer,
} from "@ita/playwright-config/portal-server";
import { startNginx } from "../shared/nginx.ts";
import { cpuSeconds, cpuUsed, postgresBackends, processTree } from "../shared/proc.ts";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
};
const TARGETS = arg("target", "nginx,node,hit,miss,search").split(",");
const DURATION = Number(arg("duration", "10"));
const PROCESSES = arg("processes", "1");
const PORT = Number(arg("port", "4630"));
const PGLITE = process.argv.includes("--pglite");
const PAGE = "/agencies/lamphun";

/** A GET's body; tried again once, as a kept-alive connection may close under it. */
async function get(url: string): Promise<Buffer> {
  try {
    return Buffer.from(await (await fetch(url)).arrayBuffer());
  } catch {
    return Buffer.from(await (await fetch(url)).arrayBuffer());
  }
}

interface Result {
  target: string;
  requests: number;
  rps: number;
  p50: string;
  p95: string;
  portalMs: number;
  postgresMs: number | null;
  load: string;
}

function wrk(url: string, connections: number, urls: string[] | null) {
  const args = [
    "-t2",
    `-c${connections}`,
    `-d${DURATION}s`,
    "--latency",
    "-H",
    "Accept-Encoding: gzip",
  ];
  let script: string | null = null;
  if (urls) {
    script = join(tmpdir(), `ita-cpu-${process.pid}.lua`);
    writeFileSync(
      script,
      `local paths = {${urls.map((u) => JSON.stringify(u)).join(",")}}
local i = 0
request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end
done = function(summary, latency, requests)
  io.write(string.format("p95 %.1fms\\n", latency:percentile(95) / 1000))
end`,
    );
    args.push("-s", script);
  }
  args.push(url);
  const out = execFileSync("wrk", args, { encoding: "utf8" });
  if (script) rmSync(script, { force: true });
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1];
  if (errors) console.warn(`  ${errors} answers were not 2xx/3xx`);
  return {
    requests,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p50: /\s50%\s+([\d.]+\w+)/.exec(out)?.[1] ?? "?",
    p95: /p95 ([\d.]+ms)/.exec(out)?.[1] ?? "?",
  };
}

async function measure(
  target: string,
  pids: () => number[],
  backends: () => number[],
  run: () => ReturnType<typeof wrk>,
): Promise<Result> {
  const load = loadavg()[0]!.toFixed(1);
  const portal = pids();
  const pg = backends();
  const [p0, g0] = [cpuSeconds(portal), cpuSeconds(pg)];
  const out = run();
  const [p1, g1] = [cpuSeconds(portal), cpuSeconds(pg)];
  const per = (s: number) => (1000 * s) / Math.max(out.requests, 1);
  return {
    target,
    ...out,
    portalMs: per(cpuUsed(p0, p1)),
    postgresMs: pg.length ? per(cpuUsed(g0, g1)) : null,
    load,
  };
}

const results: Result[] = [];
const database = PGLITE ? null : await scratchPostgresDatabase("ita_bench_cpu");
const dataDir = mkdtempSync(join(tmpdir(), "ita-bench-cpu-"));
const envOf = (cacheMb: string) => ({
  PORTAL_PROCESSES: PROCESSES,
  PAGE_CACHE_MB: cacheMb,
  JOB_WORKER: "0",
  ...(database
    ? { DATABASE_URL: database.url, DEMO_DATA: "1" }
    : { DATABASE_URL: "", PGLITE_DIR: join(dataDir, "pglite") }),
});
const dbName = database ? new URL(database.url).pathname.slice(1) : null;
try {
  const base = `http://127.0.0.1:${PORT}`;
  if (["hit", "node", "nginx"].some((t) => TARGETS.includes(t))) {
    const child = await startPortalServer(PORT, envOf("64"));
    const pids = () => processTree(child.pid!);
    try {
      for (let i = 0; i < 3; i++) await get(base + PAGE);
      const html = await get(base + PAGE);
      if (TARGETS.includes("hit")) {
        const status = (await fetch(base + PAGE)).headers.get("cache-status") ?? "";
        if (!status.includes("hit")) throw new Error(`not a hit: ${status}`);
        results.push(
          await measure(
            "hit (50 connections)",
            pids,
            () => [],
            () => wrk(base + PAGE, 50, [PAGE]),
          ),
        );
      }
      if (TARGETS.includes("nginx")) {
        // nginx serving the same bytes as a precompressed file, as bench/page-cache/run.ts
        // does: its CPU a request is what the aim (half of nginx's throughput) compares to.
        const nginx = await startNginx(new Map([[PAGE, html]]), PORT + 2);
        try {
          results.push(
            await measure(
              "nginx, same bytes (all workers)",
              () => processTree(nginx.pid),
              () => [],
              () => wrk(nginx.base + PAGE, 50, [PAGE]),
            ),
          );
        } finally {
          await nginx.stop();
        }
      }
      if (TARGETS.includes("node")) {
        // The floor: node:http itself answering the same compressed bytes, nothing else.
        const gz = gzipSync(html, { level: 9 });
        // Written before the server starts: it reads the file at once.
        writeFileSync(join(dataDir, "page.gz"), gz);
        const server = spawn(
          process.execPath,
          [
            "-e",
            `const gz = require("node:fs").readFileSync(process.argv[1]);
require("node:http").createServer((req, res) => {
  res.writeHead(200, ["content-type", "text/html; charset=utf-8", "content-encoding", "gzip", "vary", "Accept-Encoding", "content-length", String(gz.length)]).end(gz);
}).listen(${PORT + 1}, "127.0.0.1");`,
            join(dataDir, "page.gz"),
          ],
          { stdio: "ignore" },
        );
        // Until it answers (500 ms was not always enough for Node to start on a busy machine).
        for (let i = 0; i < 100; i++) {
          const up = await fetch(`http://127.0.0.1:${PORT + 1}${PAGE}`).then(
            (r) => r.arrayBuffer().then(() => true),
            () => false,
          );
          if (up) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        try {
          results.push(
            await measure(
              "bare node:http, same bytes",
              () => [server.pid!],
              () => [],
              () => wrk(`http://127.0.0.1:${PORT + 1}${PAGE}`, 50, [PAGE]),
            ),
          );
        } finally {
          server.kill();
        }
      }
    } finally {
      await stopPortalServer(child);
    }
  }
  if (TARGETS.includes("miss") || TARGETS.includes("search")) {
    const child = await startPortalServer(PORT, envOf("0"));
    const pids = () => processTree(child.pid!);
    try {
      const sitemap = (await get(`${base}/sitemap.xml`)).toString();
      const agencies = [
        ...new Set(
          [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/agencies\/[^/<]+)<\/loc>/g)].map(
            (m) => m[1]!,
          ),
        ),
      ];
      if (TARGETS.includes("miss")) {
        for (const a of agencies) await get(base + a);
        results.push(
          await measure(
            `agency page miss (${agencies.length} pages, 10 conn.)`,
            pids,
            () => (dbName ? postgresBackends(dbName) : []),
            () => wrk(base + PAGE, 10, agencies),
          ),
        );
      }
      if (TARGETS.includes("search")) {
        const q = `/search?q=${encodeURIComponent(arg("word", "ไฟป่า"))}`;
        await get(base + q);
        results.push(
          await measure(
            `search ${decodeURIComponent(q.slice(10))} (10 conn.)`,
            pids,
            () => (dbName ? postgresBackends(dbName) : []),
            () => wrk(base + q, 10, [q]),
          ),
        );
      }
    } finally {
      await stopPortalServer(child);
    }
  }
} finally {
  database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(
  `\nCPU per request — ${new Date().toISOString()}, ${PROCESSES} process(es), ${PGLITE ? "PGlite" : "PostgreSQL"}, ${DURATION} s each`,
);
console.log(
  "| target | load | requests | req/s | p50 / p95 | CPU a request: portal / PostgreSQL |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const r of results)
  console.log(
    `| ${r.target} | ${r.load} | ${r.requests.toLocaleString("en")} | ${Math.round(r.rps).toLocaleString("en")} | ${r.p50} / ${r.p95} | ${r.portalMs.toFixed(3)} / ${r.postgresMs === null ? "–" : r.postgresMs.toFixed(3)} ms |`,
  );
