/**
 * Load with `wrk` (Debian's), cycling through a list of paths with a Lua script, and
 * the tools the benchmarks need (nginx, wrk), installed from Debian when missing.
 * Shared by bench/portal and bench/page-cache.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { benchEnv } from "./env.ts";

const run = promisify(execFile);

/** Where a program is: the PATH, then the sbin folders a non-root PATH lacks (nginx). */
export function programPath(program: string): string | undefined {
  const folders = [...benchEnv.PATH.split(delimiter), "/usr/sbin", "/sbin"];
  return folders.map((folder) => join(folder, program)).find((path) => existsSync(path));
}

const TOOLS = [
  { program: "nginx", debianPackage: "nginx" },
  { program: "wrk", debianPackage: "wrk" },
];

/**
 * Makes sure nginx and wrk are there: installs Debian's packages with apt-get when
 * running as root, otherwise stops with the command to run.
 */
export function ensureLoadTools(): void {
  const missing = () => TOOLS.filter((t) => !programPath(t.program));
  if (missing().length === 0) return;
  const packages = missing().map((t) => t.debianPackage);
  const command = `apt-get install -y --no-install-recommends ${packages.join(" ")}`;
  if (process.getuid?.() !== 0)
    throw new Error(
      `The benchmark needs ${packages.join(" and ")} (the baseline server and the load generator) ` +
        `and installs Debian's packages only when run as root. Install them: sudo ${command}`,
    );
  console.log(`Installing Debian's ${packages.join(", ")}: ${command}`);
  const install = () =>
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", ...packages], {
      stdio: "inherit",
    });
  try {
    install();
  } catch {
    // A fresh container has no package lists yet.
    execFileSync("apt-get", ["update"], { stdio: "inherit" });
    install();
  }
  if (missing().length > 0)
    throw new Error(`${command} did not provide ${missing().map((t) => t.program)}`);
}

export interface WrkResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** Latency percentiles, ms. */
  p50: number;
  p75: number;
  p90: number;
  p95: number;
  p99: number;
  /** Bytes read (headers and bodies) per response. */
  meanBytes: number;
  /** Answers with a status of 400 or more. */
  non2xx: number;
  /** Connect, read and write errors and timeouts. */
  errors: number;
  timeouts: number;
}

// One Lua state per wrk thread: each reads the list and starts at its own offset, so
// threads do not request the same path in step. `done` runs once with all threads'
// figures and prints them as one JSON line (wrk's own report has no p95).
const SCRIPT = `
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
local paths = {}
local i = 0
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = (id or 0) * math.floor(#paths / 2 + 1)
end
function request()
  i = i + 1
  return wrk.format(nil, paths[(i % #paths) + 1])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%d,"p75":%d,"p90":%d,"p95":%d,"p99":%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(75), latency:percentile(90),
    latency:percentile(95), latency:percentile(99)))
end
`;

/**
 * Runs wrk for `seconds` against `base`, cycling through `paths`. A response slower
 * than `timeoutSeconds` counts as a timeout (wrk's default of 2 s would hide a slow
 * render's latency).
 */
export async function runWrk(options: {
  base: string;
  paths: readonly string[];
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
  timeoutSeconds?: number;
}): Promise<WrkResult> {
  if (options.paths.length === 0) throw new Error("wrk: no paths to request");
  const dir = mkdtempSync(join(tmpdir(), "ita-wrk-"));
  try {
    const script = join(dir, "paths.lua");
    const list = join(dir, "paths.txt");
    writeFileSync(script, SCRIPT);
    writeFileSync(list, `${options.paths.join("\n")}\n`);
    const threads = Math.max(1, Math.min(cpus().length, options.connections));
    const headers = Object.entries(options.headers ?? {}).flatMap(([k, v]) => ["-H", `${k}: ${v}`]);
    const { stdout } = await run(
      programPath("wrk") ?? "wrk",
      [
        `-t${threads}`,
        `-c${options.connections}`,
        `-d${options.seconds}s`,
        `--timeout`,
        `${options.timeoutSeconds ?? 30}s`,
        ...headers,
        "-s",
        script,
        options.base,
        "--",
        list,
      ],
      { encoding: "utf8", timeout: (options.seconds + 90) * 1000, maxBuffer: 16 * 1024 * 1024 },
    );
    const line = /WRK_JSON (\{.*\})/.exec(stdout)?.[1];
    if (!line) throw new Error(`wrk printed no figures:\n${stdout}`);
    const r = JSON.parse(line) as Record<string, number>;
    const seconds = r.duration_us! / 1e6;
    const requests = r.requests!;
    const ms = (us: number | undefined) => (requests > 0 ? us! / 1000 : Number.NaN);
    return {
      requests,
      seconds,
      requestsPerSecond: requests / seconds,
      p50: ms(r.p50),
      p75: ms(r.p75),
      p90: ms(r.p90),
      p95: ms(r.p95),
      p99: ms(r.p99),
      meanBytes: requests > 0 ? r.bytes! / requests : Number.NaN,
      non2xx: r.status!,
      errors: r.connect! + r.read! + r.write! + r.timeout!,
      timeouts: r.timeout!,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
