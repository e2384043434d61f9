/** wrk against one target: a fixed list of paths, cycled, for a bounded time. */
import { loadavg } from "node:os";
import { cpuSeconds, cpuUsed } from "../shared/proc.ts";
import { runWrk } from "../shared/wrk.ts";

/** Which nginx row a target is compared with: the same kind of page. */
export type PageKind = "agency" | "item";

export interface Target {
  name: string;
  base: string;
  /** Paths to request in turn (random agencies, entries …). */
  paths: readonly string[];
  /** The nginx baseline serving the same bytes; other targets compare with agency pages. */
  kind?: PageKind;
}

export interface Measurement {
  name: string;
  /** Which server answered: nginx, or the portal with its cache on or off and N processes. */
  server: string;
  connections: number;
  kind: PageKind;
  /** "missing" when the route answers 404 (not built yet). */
  status: "ok" | "missing" | "failed";
  detail: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Mean response size in bytes (headers + body, as wrk counts them). */
  meanBytes: number;
  /** 1-minute load average when the target started: other work on the machine skews figures. */
  load: number;
  /**
   * Processor ms the server's processes spent per answered request (utime + stime):
   * unlike req/s, it hardly depends on what else runs on the machine.
   */
  cpuMs: number;
  /** The same for the database's PostgreSQL backends (NaN: PGlite, inside the server). */
  databaseCpuMs: number;
}

export interface MeasureOptions {
  server: string;
  seconds: number;
  connections: number;
  warmupSeconds: number;
  /** Accept-Encoding of every request ("identity" sends none). */
  encoding: string;
  /** The processes whose processor time a request costs: the server's, the database's. */
  processes?: { server(): number[]; database(): number[] };
}

function empty(
  target: Target,
  options: MeasureOptions,
  status: Measurement["status"],
  detail: string,
): Measurement {
  const nan = Number.NaN;
  return {
    name: target.name,
    server: options.server,
    connections: options.connections,
    kind: target.kind ?? "agency",
    status,
    detail,
    requestsPerSecond: nan,
    p50: nan,
    p95: nan,
    p99: nan,
    requests: 0,
    non2xx: 0,
    errors: 0,
    meanBytes: nan,
    load: loadavg()[0]!,
    cpuMs: nan,
    databaseCpuMs: nan,
  };
}

/**
 * Waits (at most `limitMs`) until the server answers `path` within a second again, so
 * a slow target's backlog (queries still running after wrk gave up) does not
 * spill into the next measurement.
 */
export async function settle(base: string, path: string, limitMs = 180_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    const t = performance.now();
    try {
      const response = await fetch(base + path, { signal: AbortSignal.timeout(limitMs) });
      await response.arrayBuffer();
      if (performance.now() - t < 1000) return (Date.now() - started) / 1000;
    } catch {
      // keep waiting
    }
  }
  return (Date.now() - started) / 1000;
}

/**
 * How often the first path is asked for before a target counts as failed: on a database
 * just generated or restarted, nothing is in memory yet, and the first rare-word search
 * can pass its 3 s limit (answered 400, "add a word") until its pages are read once.
 */
const PROBE_ATTEMPTS = 5;

/** GETs of the first path: is the route there at all, and does it answer once warm? */
async function probe(target: Target, options: MeasureOptions): Promise<Measurement | null> {
  const path = target.paths[0];
  if (!path) return empty(target, options, "failed", "no paths to request");
  let status = 0;
  try {
    for (let attempt = 1; attempt <= PROBE_ATTEMPTS; attempt++) {
      const response = await fetch(target.base + path, { signal: AbortSignal.timeout(60_000) });
      await response.arrayBuffer();
      status = response.status;
      if (status === 404) return empty(target, options, "missing", `missing (404) ${path}`);
      if (response.ok) return null;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return empty(target, options, "failed", `HTTP ${status} for ${path}, ${PROBE_ATTEMPTS} times`);
  } catch (error) {
    return empty(target, options, "failed", `${path}: ${(error as Error).message}`);
  }
}

export async function measure(target: Target, options: MeasureOptions): Promise<Measurement> {
  const load = loadavg()[0]!;
  const missing = await probe(target, options);
  if (missing) return missing;
  const wrkOptions = {
    base: target.base,
    paths: target.paths,
    connections: options.connections,
    headers: (options.encoding === "identity"
      ? {}
      : { "Accept-Encoding": options.encoding }) as Record<string, string>,
  };
  try {
    if (options.warmupSeconds > 0) await runWrk({ ...wrkOptions, seconds: options.warmupSeconds });
    const server = () => cpuSeconds(options.processes?.server() ?? []);
    const database = () => cpuSeconds(options.processes?.database() ?? []);
    const before = { server: server(), database: database() };
    const result = await runWrk({ ...wrkOptions, seconds: options.seconds });
    const after = { server: server(), database: database() };
    const answered = result.requests - result.non2xx;
    const perRequest = (seconds: number) =>
      answered > 0 ? (1000 * seconds) / answered : Number.NaN;
    const status = answered > 0 ? "ok" : "failed";
    return {
      ...empty(target, options, status, ""),
      detail:
        status === "ok"
          ? `${target.paths.length} distinct path(s)`
          : `no successful response in ${options.seconds} s (${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts of 30 s)`,
      // Answers below 400 only: a refused search (503) is not throughput.
      requestsPerSecond: answered / result.seconds,
      p50: result.p50,
      p95: result.p95,
      p99: result.p99,
      requests: result.requests,
      non2xx: result.non2xx,
      errors: result.errors,
      meanBytes: result.meanBytes,
      load,
      cpuMs: options.processes ? perRequest(cpuUsed(before.server, after.server)) : Number.NaN,
      databaseCpuMs:
        after.database.size > 0 ? perRequest(cpuUsed(before.database, after.database)) : Number.NaN,
    };
  } catch (error) {
    return empty(target, options, "failed", (error as Error).message.slice(0, 300));
  }
}
