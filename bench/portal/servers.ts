/** Child processes the benchmark starts and stops: the built portal (nginx: ../shared/nginx.ts). */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { inheritedEnv } from "../shared/env.ts";

export const REPO_ROOT = join(import.meta.dirname, "..", "..");
const PORTAL_DIR = join(REPO_ROOT, "apps", "portal");
const BUILD_LOCK = "/tmp/build.lock";
const FLOCK = ["/usr/bin/flock", "/bin/flock"].find((p) => existsSync(p));

export interface RunningServer {
  name: string;
  base: string;
  /** The process the server's processes descend from (for their memory). */
  pid: number;
  stop(): Promise<void>;
}

export interface PortalOptions {
  /** PAGE_CACHE_MB: 0 renders every request (misses); undefined keeps the default. */
  cacheMb?: number;
  /** PORTAL_PROCESSES (PostgreSQL only). */
  processes?: number;
  /** DEMO_DATA=1 (a new embedded database gets the demo). */
  demo?: boolean;
  /** Called with the pid as soon as the server is spawned (to watch its start's memory). */
  onSpawn?: (pid: number) => void;
}

/** A free loopback port (the OS picks one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: "inherit", env: inheritedEnv });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`)),
    );
  });
}

/** Builds admin and portal (under the shared build lock) when a build is missing. */
export async function ensurePortalBuilt(): Promise<void> {
  const portalBuilt = existsSync(join(PORTAL_DIR, "dist", "server", "entry.mjs"));
  const adminBuilt = existsSync(join(REPO_ROOT, "apps", "admin", "build", "index.html"));
  if (portalBuilt && adminBuilt) return;
  console.log("Building admin and portal (dist missing) …");
  const build = "pnpm --filter @ita/admin build && pnpm --filter @ita/portal build";
  if (FLOCK) await run(FLOCK, [BUILD_LOCK, "sh", "-c", build], REPO_ROOT);
  else await run("sh", ["-c", build], REPO_ROOT);
}

/**
 * Starts a child in its own process group (so flock and node stop together) and waits
 * until it prints `ready` on stdout, within `timeoutMs`.
 */
function startChild(
  name: string,
  command: string,
  args: string[],
  options: {
    cwd: string;
    env: Record<string, string | undefined>;
    ready: RegExp;
    timeoutMs: number;
    onSpawn?: (pid: number) => void;
  },
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    let output = "";
    const timer = setTimeout(() => {
      killGroup(child);
      reject(
        new Error(`${name} not ready after ${options.timeoutMs / 1000} s:\n${output.slice(-4000)}`),
      );
    }, options.timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.ready.test(output)) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        resolve(child);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready:\n${output.slice(-4000)}`));
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      killGroup(child);
    });
}

/**
 * The real production entry (apps/portal/server.mjs, through start.mjs as `npm start`
 * runs it) on a loopback port, without demo data unless asked. It holds the build lock
 * shared while it runs, so nobody rebuilds dist/ under it.
 */
export async function startPortal(
  databaseEnv: Record<string, string>,
  options: PortalOptions = {},
): Promise<RunningServer> {
  const port = await freePort();
  const env = {
    ...inheritedEnv,
    ...databaseEnv,
    DEMO_DATA: options.demo ? "1" : "0",
    ...(options.cacheMb === undefined ? {} : { PAGE_CACHE_MB: String(options.cacheMb) }),
    PORTAL_PROCESSES: String(options.processes ?? 1),
    HOST: "127.0.0.1",
    PORT: String(port),
    NODE_ENV: "production",
    // Production refuses to start without the public origin for links (docs/adr/0011).
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  const node = process.execPath;
  // As `npm start` runs it: start.mjs sets the server's Node flags.
  const nodeArgs = ["start.mjs"];
  const [command, args] = FLOCK ? [FLOCK, ["-s", BUILD_LOCK, node, ...nodeArgs]] : [node, nodeArgs];
  const child = await startChild("portal server", command, args, {
    cwd: PORTAL_DIR,
    env,
    ready: /is running/,
    timeoutMs: 300_000,
    ...(options.onSpawn ? { onSpawn: options.onSpawn } : {}),
  });
  child.stdout?.resume(); // keep draining its log
  child.stderr?.resume();
  return {
    name: "portal",
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: stopper(child),
  };
}
