/**
 * The measurements of one run, side by side: nginx serving the same bytes, the portal
 * with its page cache on (hits: the same 500 agency and item pages, warmed first) and
 * off (misses), with one and two processes (PostgreSQL), at each connection count; each
 * server's memory; transferred bytes per page; and the embedded (PGlite) server's memory.
 */
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import {
  memoryOf,
  postgresBackends,
  processTree,
  sampleMemory,
  sampleStartPeak,
} from "../shared/proc.ts";
import { startNginx } from "../shared/nginx.ts";
import type { BenchArgs } from "./args.ts";
import { BENCH_DB_NAME, type BenchDatabase } from "./database.ts";
import { measure, settle, type Measurement, type PageKind, type Target } from "./measure.ts";
import { memoryTable, NGINX, resultsTable, transferTable, type MemoryRow } from "./report.ts";
import type { Sample } from "./sample.ts";
import { freePort, startPortal, type PortalOptions, type RunningServer } from "./servers.ts";
import { transferRows, type TransferRow } from "./transfer.ts";

export const AIMS = {
  hitShareOfNginx: 0.5,
  missP95: 50,
  searchP95: 150,
  embeddedPeakMiB: 512,
  embeddedIdleMiB: 300,
  generationSeconds: 300,
};
export const EMBEDDED = "embedded memory";
const IDLE_SECONDS = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function verdict(
  name: string,
  value: number | undefined,
  aim: number,
  unit: string,
  atMost = false,
) {
  if (value === undefined || !Number.isFinite(value)) return `  ${name}: not measured`;
  const meets = atMost ? value <= aim : value < aim;
  return `  ${name}: ${value.toFixed(1)} ${unit} — ${meets ? "meets" : "MISSES"} the aim (${atMost ? "≤" : "<"} ${aim} ${unit})`;
}

/** One GET on a new connection (so the cluster's round robin reaches every process). */
function get(
  url: string,
  encoding: string,
): Promise<{ status: number; cache: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { "accept-encoding": encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          cache: String(res.headers["cache-status"] ?? ""),
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.setTimeout(120_000, () => req.destroy(new Error(`GET ${url}: no answer in 120 s`)));
    req.on("error", reject).end();
  });
}

/**
 * Requests every path `processes` times in a row on new connections, so that each
 * process renders and keeps it once (cache on), and returns the HTML of each.
 */
async function fetchPages(
  base: string,
  paths: readonly string[],
  processes: number,
): Promise<Buffer[]> {
  const bodies: Buffer[] = [];
  for (const path of paths) {
    let body: Buffer | undefined;
    for (let i = 0; i < processes; i++) {
      const answer = await get(base + path, "identity");
      if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
      body ??= answer.body;
    }
    bodies.push(body!);
  }
  return bodies;
}

/** Share of requests that were cache hits, asked the way fetchPages warmed them. */
async function hitShare(base: string, paths: readonly string[], processes: number) {
  let hits = 0;
  for (const path of paths)
    for (let i = 0; i < processes; i++)
      if ((await get(base + path, "gzip")).cache.includes("hit")) hits++;
  return hits / (paths.length * processes);
}

type PathList = Omit<Target, "base">;

interface Config {
  cache: "on" | "off";
  processes: number;
  targets: PathList[];
}

export async function measureEverything(options: {
  args: BenchArgs;
  database: BenchDatabase;
  sample: Sample;
  /** Servers to stop if the run is interrupted. */
  running: RunningServer[];
  /** Folders to delete at the end. */
  tempDirs: string[];
}): Promise<string> {
  const { args, database, sample, running } = options;
  const wanted = (name: string) =>
    args.only.length === 0 || args.only.some((prefix) => name.startsWith(prefix));
  const kindOf = (name: string): PageKind => (name === "item page" ? "item" : "agency");
  const byName = (name: string) => sample.targets.find((t) => t.name === name)!;
  const agencyPaths = byName("agency page").paths;
  const itemPaths = byName("item page").paths;
  const multi = database.driver === "postgres" ? [1, 2] : [1];
  const describe = (c: Config) =>
    `portal${database.driver === "pglite" ? " (PGlite)" : ""}, cache ${c.cache}, ${c.processes} process${c.processes > 1 ? "es" : ""}`;

  const hitTargets = ["agency page", "item page"].filter(wanted).map((name) => ({
    name,
    paths: byName(name).paths,
    kind: kindOf(name),
  }));
  const missTargets = sample.targets
    .filter((t) => wanted(t.name))
    .map((t) => ({ ...t, kind: kindOf(t.name) }));
  const configs: Config[] = [];
  for (const processes of multi) {
    if (hitTargets.length > 0) configs.push({ cache: "on", processes, targets: hitTargets });
  }
  for (const processes of multi) {
    // Two processes: the pages whose hits are compared; the rest once is enough.
    const targets =
      processes === 1
        ? missTargets
        : missTargets.filter((t) => t.name.endsWith(" page") && t.name !== "home page");
    if (targets.length > 0) configs.push({ cache: "off", processes, targets });
  }

  const results: Measurement[] = [];
  const memory: MemoryRow[] = [];
  let transfer: TransferRow[] = [];
  const measureOn = async (
    base: string,
    server: string,
    pid: number,
    targets: PathList[],
    settlePath?: string,
  ) => {
    const processes = {
      server: () => processTree(pid),
      // PGlite runs inside the portal: its processor time is the portal's.
      database: () =>
        server !== NGINX && database.driver === "postgres" ? postgresBackends(BENCH_DB_NAME) : [],
    };
    for (const connections of args.connections) {
      for (const t of targets) {
        if (settlePath) {
          const waited = await settle(base, settlePath);
          if (waited > 2)
            console.log(`    (waited ${waited.toFixed(0)} s for the previous target's backlog)`);
        }
        const result = await measure(
          { ...t, base },
          {
            server,
            seconds: args.duration,
            connections,
            warmupSeconds: Math.min(2, args.duration),
            encoding: args.encoding,
            processes,
          },
        );
        console.log(
          `  ${t.name}, ${connections} conn.: ${result.status === "ok" ? `${Math.round(result.requestsPerSecond).toLocaleString("en-US")} req/s, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms` : result.detail} (load ${result.load.toFixed(1)})`,
        );
        results.push(result);
      }
    }
  };

  /** The first portal gives nginx its bytes, then nginx is measured while the portal idles. */
  const baseline = async (portal: RunningServer, pages: Map<PageKind, Buffer[]>) => {
    transfer = await transferRows(portal.base, missTargets.length > 0 ? missTargets : hitTargets);
    const files = new Map<string, Buffer>();
    const targets: PathList[] = [];
    for (const [kind, bodies] of pages) {
      bodies.forEach((body, i) => files.set(`/${kind}/${i}`, body));
      targets.push({
        name: `${kind} page`,
        kind,
        paths: bodies.map((_, i) => `/${kind}/${i}`),
      });
    }
    const nginx = await startNginx(files, await freePort());
    try {
      console.log(
        `\n${NGINX}: the same HTML of ${[...pages].map(([k, b]) => `${b.length} ${k} pages`).join(" and ")}, with .gz beside each`,
      );
      const ready = memoryOf(nginx.pid);
      const sampler = sampleMemory(nginx.pid);
      await measureOn(nginx.base, NGINX, nginx.pid, targets);
      const end = memoryOf(nginx.pid);
      memory.push({
        server: NGINX,
        processes: end.processes,
        readyMiB: ready.rssMiB,
        startPeakMiB: ready.peakMiB,
        idleMiB: ready.rssMiB,
        loadMiB: sampler.stop(),
        peakMiB: end.peakMiB,
      });
    } finally {
      await nginx.stop();
    }
  };

  let baselineDone = false;
  for (const config of configs) {
    const server = describe(config);
    const portalOptions: PortalOptions = {
      processes: config.processes,
      cacheMb: config.cache === "off" ? 0 : undefined,
    };
    console.log(`\n${server}: starting …`);
    const portal = await startPortal(database.serverEnv, portalOptions);
    running.push(portal);
    try {
      const ready = memoryOf(portal.pid);
      await sleep(IDLE_SECONDS * 1000);
      const idle = memoryOf(portal.pid);
      // Fetching the pages warms the cache (cache on) and gives nginx its bytes.
      const pages = new Map<PageKind, Buffer[]>();
      if (config.cache === "on" || !baselineDone) {
        const kinds: [PageKind, readonly string[]][] = [["agency", agencyPaths]];
        if (config.targets.some((t) => t.kind === "item") || (!baselineDone && wanted("item page")))
          kinds.push(["item", itemPaths]);
        const t = performance.now();
        for (const [kind, paths] of kinds)
          pages.set(kind, await fetchPages(portal.base, paths, config.processes));
        console.log(
          `  fetched ${[...pages.values()].reduce((n, b) => n + b.length, 0)} pages ${config.processes > 1 ? `${config.processes} times each ` : ""}in ${((performance.now() - t) / 1000).toFixed(0)} s`,
        );
        if (config.cache === "on") {
          await sleep(1000); // pages are compressed and kept after the response went out
          for (const [kind, paths] of kinds) {
            const share = await hitShare(portal.base, paths, config.processes);
            console.log(`  ${kind} pages warmed: ${(share * 100).toFixed(1)} % hits`);
          }
        }
      }
      if (!baselineDone) {
        await baseline(portal, pages);
        baselineDone = true;
        console.log(`\n${server}:`);
      }
      const sampler = sampleMemory(portal.pid);
      await measureOn(portal.base, server, portal.pid, config.targets, agencyPaths[0]);
      const end = memoryOf(portal.pid);
      memory.push({
        server,
        processes: end.processes,
        readyMiB: ready.rssMiB,
        startPeakMiB: ready.peakMiB,
        idleMiB: idle.rssMiB,
        loadMiB: sampler.stop(),
        peakMiB: end.peakMiB,
      });
    } finally {
      running.splice(running.indexOf(portal), 1);
      await portal.stop();
    }
  }

  if (wanted(EMBEDDED)) memory.push(...(await embeddedMemory(options.tempDirs)));

  // The report.
  const lines: string[] = [];
  const conditions = `wrk, ${args.duration} s per target after ${Math.min(2, args.duration)} s warm-up, Accept-Encoding: ${args.encoding}, ${args.connections.join(" and ")} connections, load ${loadavg()[0]!.toFixed(1)} at the end`;
  lines.push(
    `\nResults (${database.driver}${args.suggested ? " + suggested" : ""}; ${conditions}):\n`,
  );
  lines.push(resultsTable(results));
  lines.push(
    "\n`of nginx`: req/s against nginx serving the same pages' bytes at the same connections (item pages against nginx's item pages, every other target against its agency pages). `CPU ms/req`: processor time the server's processes (and, after the slash, the bench database's PostgreSQL backends) spent per answered request — the figure that compares across runs on a busy machine.",
  );
  lines.push(
    "\nMemory (MiB, RSS summed over each server's processes; nginx: master and workers):\n",
  );
  lines.push(memoryTable(memory));
  if (transfer.length > 0) {
    lines.push(
      "\nTransferred bytes of a page, by Accept-Encoding (body only, mean over the pages):\n",
    );
    lines.push(transferTable(transfer));
  }

  const ok = (r: Measurement) => r.status === "ok";
  const rows = (name: string, server: string) =>
    results.filter((r) => ok(r) && r.name === name && r.server === server);
  const nginxOf = (r: Measurement) =>
    results.find(
      (b) => ok(b) && b.server === NGINX && b.kind === r.kind && b.connections === r.connections,
    );
  lines.push("\nAims:");
  for (const config of configs.filter((c) => c.cache === "on"))
    for (const t of config.targets)
      for (const r of rows(t.name, describe(config))) {
        const share = r.requestsPerSecond / (nginxOf(r)?.requestsPerSecond ?? Number.NaN);
        lines.push(
          Number.isFinite(share)
            ? `  ${t.name} hits, ${describe(config)}, ${r.connections} conn.: ${share.toFixed(2)}× nginx — ${share >= AIMS.hitShareOfNginx ? "meets" : "MISSES"} the aim (≥ ${AIMS.hitShareOfNginx}×)`
            : `  ${t.name} hits, ${r.connections} conn.: no nginx figure`,
        );
      }
  const misses = describe({ cache: "off", processes: 1, targets: [] });
  const at10 = (r: Measurement) => r.connections === 10;
  for (const name of ["agency page", "item page"])
    lines.push(
      verdict(`${name} miss p95, 10 conn.`, rows(name, misses).find(at10)?.p95, AIMS.missP95, "ms"),
    );
  for (const s of results.filter(
    (r) => ok(r) && r.server === misses && at10(r) && r.name.startsWith("search"),
  ))
    lines.push(verdict(`${s.name} p95, 10 conn.`, s.p95, AIMS.searchP95, "ms"));
  const firstStart = memory.find(
    (m) => m.server.startsWith("embedded") && m.server.endsWith("first start"),
  );
  const restart = memory.find(
    (m) => m.server.startsWith("embedded") && m.server.endsWith("restart"),
  );
  for (const m of [firstStart, restart]) {
    if (!m) continue;
    lines.push(verdict(`${m.server}: peak`, m.peakMiB, AIMS.embeddedPeakMiB, "MiB", true));
    lines.push(verdict(`${m.server}: idle`, m.idleMiB, AIMS.embeddedIdleMiB, "MiB", true));
  }
  return lines.join("\n");
}

/**
 * The embedded install as `npm start` runs it on a new folder (demo data, PGlite): its
 * memory at the first start and at a restart. "Idle" is 10 s after one GET /.
 */
async function embeddedMemory(tempDirs: string[]): Promise<MemoryRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "ita-bench-embedded-"));
  tempDirs.push(dir);
  const env = { DATABASE_URL: "", PGLITE_DIR: join(dir, "pglite") };
  const rows: MemoryRow[] = [];
  for (const start of ["first start", "restart"]) {
    console.log(`\nEmbedded (PGlite, demo data), ${start} …`);
    let startPeak = { stop: () => 0 };
    const portal = await startPortal(env, {
      demo: true,
      onSpawn: (pid) => (startPeak = sampleStartPeak(pid)),
    });
    try {
      // The first start's preparation ran in a process that has ended (apps/portal/start.mjs).
      const preparePeak = startPeak.stop();
      const ready = memoryOf(portal.pid);
      const home = await get(`${portal.base}/`, "gzip");
      if (home.status !== 200) throw new Error(`embedded GET / answered ${home.status}`);
      await sleep(10_000);
      const idle = memoryOf(portal.pid);
      rows.push({
        server: `embedded (PGlite, demo data), ${start}`,
        processes: idle.processes,
        readyMiB: ready.rssMiB,
        startPeakMiB: Math.max(preparePeak, ready.peakMiB),
        idleMiB: idle.rssMiB,
        loadMiB: Number.NaN,
        peakMiB: Math.max(preparePeak, idle.peakMiB),
      });
    } finally {
      await portal.stop();
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return rows;
}
