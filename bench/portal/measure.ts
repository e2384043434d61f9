/** autocannon against one target: a fixed list of paths, cycled, for a bounded time. */
import { loadavg } from "node:os";
import autocannon from "autocannon";

export interface Target {
  name: string;
  base: string;
  /** Paths to request in turn (random agencies, entries …). */
  paths: readonly string[];
}

export interface Measurement {
  name: string;
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
  /** Mean response size in bytes (headers + body, as autocannon counts them). */
  meanBytes: number;
  /** 1-minute load average when the target started: other work on the machine skews figures. */
  load: number;
}

const MAX_SAMPLES = 5_000_000;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

function empty(name: string, status: Measurement["status"], detail: string): Measurement {
  const nan = Number.NaN;
  return {
    name,
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
  };
}

/**
 * Waits (at most `limitMs`) until the server answers `path` within a second again, so
 * a slow target's backlog (queries still running after autocannon gave up) does not
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

/** One GET of the first path: is the route there at all? */
async function probe(target: Target): Promise<Measurement | null> {
  const path = target.paths[0];
  if (!path) return empty(target.name, "failed", "no paths to request");
  try {
    const response = await fetch(target.base + path, { signal: AbortSignal.timeout(60_000) });
    await response.arrayBuffer();
    if (response.status === 404) return empty(target.name, "missing", `missing (404) ${path}`);
    if (!response.ok) return empty(target.name, "failed", `HTTP ${response.status} for ${path}`);
    return null;
  } catch (error) {
    return empty(target.name, "failed", `${path}: ${(error as Error).message}`);
  }
}

/** Runs autocannon for `seconds`; the returned instance is an EventEmitter and a promise of the result. */
async function runAutocannon(
  target: Target,
  seconds: number,
  connections: number,
  latencies: number[] | null,
): Promise<autocannon.Result> {
  let next = 0;
  const instance = autocannon({
    url: target.base,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({
          ...request,
          path: target.paths[next++ % target.paths.length]!,
        }),
      },
    ],
  });
  if (latencies) {
    // The tracker emits (client, status, bytes, ms); the typings omit the client.
    (instance as unknown as NodeJS.EventEmitter).on(
      "response",
      (_client: unknown, _status: number, _bytes: number, ms: number) => {
        if (latencies.length < MAX_SAMPLES) latencies.push(ms);
      },
    );
  }
  let guard: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    guard = setTimeout(
      () => {
        (instance as unknown as autocannon.Instance).stop();
        reject(new Error(`autocannon did not finish within ${seconds + 60} s`));
      },
      (seconds + 60) * 1000,
    );
  });
  try {
    return await Promise.race([instance, timeout]);
  } finally {
    clearTimeout(guard);
  }
}

export async function measure(
  target: Target,
  options: { seconds: number; connections: number; warmupSeconds: number },
): Promise<Measurement> {
  const load = loadavg()[0]!;
  const missing = await probe(target);
  if (missing) return missing;
  if (options.warmupSeconds > 0)
    await runAutocannon(target, options.warmupSeconds, options.connections, null);
  const latencies: number[] = [];
  const result = await runAutocannon(target, options.seconds, options.connections, latencies);
  const sorted = Float64Array.from(latencies).sort();
  const requests = result.requests.total;
  const status = result["2xx"] > 0 ? "ok" : "failed";
  return {
    name: target.name,
    status,
    detail:
      status === "ok"
        ? `${target.paths.length} distinct path(s)`
        : `no successful response in ${options.seconds} s (${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts of 30 s)`,
    requestsPerSecond: requests / result.duration,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    requests,
    non2xx: result.non2xx,
    errors: result.errors,
    meanBytes: requests > 0 ? result.throughput.total / requests : Number.NaN,
    load,
  };
}
