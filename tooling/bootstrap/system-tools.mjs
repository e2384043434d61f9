// Programs the project needs from the operating system (a browser for the end-to-end
// tests, poppler and tesseract for document text), found or installed the way `npm start` brings Node:
// use what is there, otherwise install Debian's package when we may (root, or
// password-less sudo, on Debian/Ubuntu), otherwise a tool-specific fallback, otherwise
// stop with one sentence that says what to install. Plain JavaScript for Node 18+.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The first executable called `name` on PATH, or undefined. */
export function onPath(name, path = process.env.PATH ?? "") {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** "root", "sudo" or undefined: how apt-get may be run on this machine, if at all. */
export function aptAccess({
  osRelease = readIfExists("/etc/os-release"),
  uid = process.getuid?.(),
  hasAptGet = Boolean(onPath("apt-get")),
  canSudo = () => spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0,
} = {}) {
  if (!hasAptGet || !/^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease)) return undefined;
  if (uid === 0) return "root";
  return canSudo() ? "sudo" : undefined;
}

function readIfExists(file) {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

/** Installs Debian packages; true when apt-get succeeded. */
export function aptInstall(packages, access, log) {
  const prefix = access === "sudo" ? ["sudo", "-n"] : [];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args) => {
    const [cmd, ...rest] = [...prefix, "apt-get", ...args];
    return spawnSync(cmd, rest, { stdio: ["ignore", "ignore", "inherit"], env }).status === 0;
  };
  log(`Installing Debian's ${packages.join(", ")} (apt-get) …`);
  // The package lists may be missing or stale on a fresh machine.
  return (
    apt(["update", "-qq"]) && apt(["install", "-y", "-qq", "--no-install-recommends", ...packages])
  );
}

/**
 * Makes sure a system program is there. `tool`:
 *   name      what the tool is, for messages;
 *   find()    its path (or true) when present, else undefined;
 *   debian    Debian package names that provide it;
 *   fallback  optional () => boolean, another way to install it (after apt-get);
 *   hint      the sentence that tells a person what to install.
 * Returns what `find()` returns once the tool is there; calls `fail(hint)` otherwise.
 */
export function ensureSystemTool(tool, { log, fail, access, install = aptInstall }) {
  const found = tool.find();
  if (found) return found;
  const apt = access === undefined ? aptAccess() : access;
  if (apt && tool.debian?.length && install(tool.debian, apt, log)) {
    const installed = tool.find();
    if (installed) return installed;
  }
  if (tool.fallback?.()) {
    const installed = tool.find();
    if (installed) return installed;
  }
  return fail(tool.hint);
}
