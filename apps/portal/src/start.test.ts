import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, expect, it } from "vitest";

const portal = join(dirname(fileURLToPath(import.meta.url)), "..");
const SERVER_FLAGS = [
  "--liftoff-only",
  "--max-semi-space-size=2",
  "--import",
  join(portal, "fast-resolve.mjs"),
];
/** On PostgreSQL V8 sizes the young generation itself: a small one cost a page ~25 % more CPU. */
const POSTGRES_SERVER_FLAGS = SERVER_FLAGS.filter((f) => !f.startsWith("--max-semi-space-size"));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "start-probe-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs start.mjs with a probe loaded into every Node process it runs (NODE_OPTIONS survives
 * execve and reaches children): the launcher reports its pid; the first start's
 * preparation and the server report their script, flags and pid and exit before doing
 * anything. One parsed line per process, in order.
 */
function probeStart(pgliteDir: string, databaseUrl = "") {
  const probe = join(dir, "probe.mjs");
  writeFileSync(
    probe,
    `const script = process.argv[1];
if (script.endsWith("/server.mjs") || script.endsWith("/prepare-database.mjs")) {
  console.log(JSON.stringify({ script: script.split("/").pop(), execArgv: process.execArgv, pid: process.pid }));
  process.exit(0);
}
console.log(JSON.stringify({ launcher: process.pid }));`,
  );
  const stdout = execFileSync(process.execPath, ["start.mjs"], {
    cwd: portal,
    encoding: "utf8",
    env: {
      // eslint-disable-next-line no-restricted-syntax -- the child inherits PATH etc.
      ...process.env,
      NODE_OPTIONS: `--import=${probe}`,
      DATABASE_URL: databaseUrl,
      PGLITE_DIR: pgliteDir,
    },
  });
  return stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
}

it("starts server.mjs with the server's Node flags, in the same process (start.mjs)", () => {
  // An embedded database with data already: a restart, nothing to prepare first.
  const pglite = join(dir, "pglite");
  mkdirSync(pglite);
  writeFileSync(join(pglite, "PG_VERSION"), "17\n");
  const [launcher, server, ...more] = probeStart(pglite);
  expect(server.script).toBe("server.mjs");
  expect(server.execArgv).toEqual(SERVER_FLAGS);
  // Replaced, not a child: no second Node process holding memory.
  expect(server.pid).toBe(launcher.launcher);
  expect(more).toEqual([]);
}, 60_000);

it("prepares a new embedded database in a process of its own before the server opens it", () => {
  // Seeding grows PGlite's WebAssembly heap for good: in the server, its idle memory
  // missed the 300 MB aim (docs/performance.md, "Embedded memory").
  const [launcher, prepare, server] = probeStart(join(dir, "pglite"));
  expect(prepare.script).toBe("prepare-database.mjs");
  // With the server's flags (PGlite on V8's baseline compiler), and gone before the server.
  expect(prepare.execArgv).toEqual(SERVER_FLAGS);
  expect(prepare.pid).not.toBe(launcher.launcher);
  expect(server.script).toBe("server.mjs");
  expect(server.pid).toBe(launcher.launcher);
}, 60_000);

it("starts a server on PostgreSQL without the embedded database's small young generation", () => {
  // The probe ends the server before it would connect: no database is needed.
  const [launcher, server, ...more] = probeStart(
    join(dir, "pglite"),
    "postgres://nobody@127.0.0.1:1/none",
  );
  expect(server.script).toBe("server.mjs");
  expect(server.execArgv).toEqual(POSTGRES_SERVER_FLAGS);
  expect(server.pid).toBe(launcher.launcher);
  // Nothing embedded to prepare.
  expect(more).toEqual([]);
}, 60_000);
