/**
 * The baseline: Debian's nginx serving given bytes as static files, each with a
 * precompressed `.gz` beside it (`gzip_static`), so a request that accepts gzip gets
 * compressed bytes from nginx as it does from the portal's cache. Shared by
 * bench/portal and bench/page-cache.
 */
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { programPath } from "./wrk.ts";

export interface StaticSite {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Starts nginx on 127.0.0.1:`port` serving `files` (URL path → bytes) as text/html. */
export async function startNginx(
  files: ReadonlyMap<string, string | Buffer>,
  port: number,
): Promise<StaticSite> {
  const nginx = programPath("nginx");
  if (!nginx) throw new Error("nginx is missing (ensureLoadTools installs it)");
  const dir = mkdtempSync(join(tmpdir(), "ita-bench-nginx-"));
  // nginx's workers may run as another user (nobody) when started as root.
  chmodSync(dir, 0o755);
  const root = join(dir, "root");
  for (const [path, bytes] of files) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true, mode: 0o755 });
    writeFileSync(file, bytes, { mode: 0o644 });
    // Level 9, as the portal's cache stores its gzip bytes (ADR 0018).
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }), { mode: 0o644 });
  }
  const conf = join(dir, "nginx.conf");
  writeFileSync(
    conf,
    `daemon off; worker_processes auto; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path ${dir}; proxy_temp_path ${dir};
  fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  sendfile on; tcp_nopush on; keepalive_requests 1000000;
  default_type "text/html; charset=utf-8"; gzip_static on; gzip_vary on;
  server { listen 127.0.0.1:${port}; root ${root}; } }`,
  );
  const child = spawn(nginx, ["-c", conf, "-p", dir, "-e", join(dir, "error.log")], {
    stdio: "ignore",
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGQUIT"); // graceful: the workers finish and exit with the master
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let waited = 0; !(await accepts(port)); waited += 100) {
    if (child.exitCode !== null || waited > 10_000) {
      let log = "";
      try {
        log = readFileSync(join(dir, "error.log"), "utf8").slice(-2000);
      } catch {
        // no log written
      }
      await stop();
      throw new Error(`nginx did not start on port ${port}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base: `http://127.0.0.1:${port}`, pid: child.pid!, stop };
}
