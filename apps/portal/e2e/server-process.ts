import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createConnection } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built portal, started as its own process by specs that need their own servers. */
export const portalDir = join(dirname(fileURLToPath(import.meta.url)), "..");

export interface ServerProcess {
  child: ChildProcess;
  /** Everything it printed so far (the demo sign-ins on a first start on PostgreSQL). */
  output(): string;
  stop(): Promise<void>;
}

export function startServer(port: number, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn("node", ["server.mjs"], {
    cwd: portalDir,
    // eslint-disable-next-line no-restricted-syntax -- the child inherits PATH etc.
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  const server: ServerProcess = {
    child,
    output: () => printed,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start")), 120_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes("is running")) {
        clearTimeout(timer);
        resolve(server);
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`server exited (${code}): ${printed}`)));
  });
}

export function postgresReachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port: 5432 });
    socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

const pgBin = (name: string) =>
  [`/usr/lib/postgresql/15/bin/${name}`, `/usr/bin/${name}`].find(existsSync);

/** A new, empty database on the local server (trust auth), and how to drop it. */
export function createScratchDatabase(prefix: string): { url: string; drop(): void } {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const host = ["-h", "127.0.0.1", "-U", "postgres"];
  execFileSync(pgBin("createdb")!, [
    ...host,
    "-T",
    "template0",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
    name,
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:5432/${name}`,
    drop: () => execFileSync(pgBin("dropdb")!, [...host, "--force", name]),
  };
}
