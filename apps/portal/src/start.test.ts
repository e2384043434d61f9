import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const portal = join(dirname(fileURLToPath(import.meta.url)), "..");

it("starts server.mjs with the server's Node flags, in the same process (start.mjs)", () => {
  // A probe loaded into both the launcher and what it becomes (NODE_OPTIONS survives
  // execve): once it is server.mjs, it reports its flags and pid and exits before the
  // server starts.
  const dir = mkdtempSync(join(tmpdir(), "start-probe-"));
  try {
    const probe = join(dir, "probe.mjs");
    writeFileSync(
      probe,
      `if (process.argv[1].endsWith("/server.mjs")) {
  console.log(JSON.stringify({ execArgv: process.execArgv, pid: process.pid }));
  process.exit(0);
}
console.log(JSON.stringify({ launcher: process.pid }));`,
    );
    const stdout = execFileSync(process.execPath, ["start.mjs"], {
      cwd: portal,
      encoding: "utf8",
      // eslint-disable-next-line no-restricted-syntax -- the child inherits PATH etc.
      env: { ...process.env, NODE_OPTIONS: `--import=${probe}` },
    });
    const [launcher, server] = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(server.execArgv).toEqual([
      "--liftoff-only",
      "--max-semi-space-size=2",
      "--import",
      join(portal, "fast-resolve.mjs"),
    ]);
    // Replaced, not a child: no second Node process holding memory.
    expect(server.pid).toBe(launcher.launcher);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
