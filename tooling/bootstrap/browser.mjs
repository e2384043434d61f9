// The browser of the end-to-end tests: the system Chromium, else Debian's package, else
// Playwright's own build (where it can be downloaded), else one sentence on what to do.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { onPath } from "./system-tools.mjs";

/**
 * The tool description for `ensureSystemTool`. `find()` returns the Chromium binary to
 * hand to Playwright (CHROMIUM_PATH), or true when Playwright's own build is installed.
 */
export function chromiumTool(root, env) {
  const portal = join(root, "apps/portal");
  const node = (args, timeout) =>
    spawnSync(onPath("node", env.PATH) ?? process.execPath, args, {
      cwd: portal,
      env,
      encoding: "utf8",
      timeout,
      stdio: ["ignore", "pipe", "inherit"],
    });
  return {
    name: "Chromium",
    find() {
      // An explicit choice is the only one considered: a wrong path should not be papered over.
      if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
      const system = ["chromium", "chromium-browser"]
        .map((name) => onPath(name, env.PATH))
        .find(Boolean);
      if (system) return system;
      if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
      const own = node(
        [
          "--input-type=module",
          "-e",
          "const { chromium } = await import('@playwright/test'); process.stdout.write(chromium.executablePath());",
        ],
        30_000,
      );
      return own.status === 0 && own.stdout && existsSync(own.stdout) ? true : undefined;
    },
    debian: env.CHROMIUM_PATH ? [] : ["chromium"],
    fallback() {
      if (env.CHROMIUM_PATH) return false;
      const playwright = join(portal, "node_modules", "@playwright", "test", "cli.js");
      console.log("[ita] Trying `playwright install chromium` (downloads Playwright's browser) …");
      return node([playwright, "install", "chromium"], 10 * 60_000).status === 0;
    },
    hint: env.CHROMIUM_PATH
      ? `CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist: point it at a Chromium or Chrome binary (or unset it) and run npm test again.`
      : "The end-to-end tests need Chromium and none could be installed here: install it (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere `pnpm --filter @ita/portal exec playwright install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary, then run npm test again.",
  };
}
