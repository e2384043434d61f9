import { existsSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices, type PlaywrightTestConfig } from "@playwright/test";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Shared Playwright setup: the built portal server (which also serves /admin and the
 * API) on its own port and its own fresh embedded database, so end-to-end tests never
 * touch the development data or the unit tests' databases.
 */
export function e2eDataDir(name: string): string {
  return join(repoRoot, ".data", `e2e-${name}`);
}

// eslint-disable-next-line no-restricted-syntax -- test harness settings
const env = process.env;

function chromiumPath(): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export function defineE2EConfig(options: {
  name: string;
  port: number;
  testDir?: string;
}): PlaywrightTestConfig {
  const dataDir = e2eDataDir(options.name);
  // A fresh database each run: the server seeds the demo and writes its generated
  // passwords next to the data, where the tests read them. Workers load this config
  // too (TEST_WORKER_INDEX is set there): only the main process may wipe the data.
  if (!env.E2E_REUSE_SERVER && env.TEST_WORKER_INDEX === undefined)
    rmSync(dataDir, { recursive: true, force: true });
  const executablePath = chromiumPath();
  // Several checkouts on one machine can run their suites at once with E2E_PORT_OFFSET.
  const port = options.port + Number(env.E2E_PORT_OFFSET ?? 0);
  const baseURL = `http://localhost:${port}`;
  // Given once, in the project: a project's `use.launchOptions` replaces the top level's
  // whole, so flags set there never reached Chromium.
  const launchOptions = {
    ...(executablePath ? { executablePath } : {}),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  };
  return defineConfig({
    testDir: options.testDir ?? "./e2e",
    testMatch: /.*\.e2e\.ts$/,
    fullyParallel: false,
    workers: 1,
    retries: 0,
    // A walk with sign-ins, uploads and axe takes 20–25 s on an idle 2-core machine; a
    // loaded one (CI next to other jobs) needs the margin, and a slower test still fails.
    timeout: 60_000,
    outputDir: "test-results/playwright",
    reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
    use: {
      baseURL,
      trace: "retain-on-failure",
    },
    projects: [
      {
        name: "chromium",
        use: {
          ...devices["Desktop Chrome"],
          launchOptions,
        },
      },
    ],
    webServer: {
      // As `npm start` runs it: start.mjs sets the server's Node flags.
      command: "node start.mjs",
      cwd: join(repoRoot, "apps/portal"),
      url: `${baseURL}/`,
      reuseExistingServer: Boolean(env.E2E_REUSE_SERVER),
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(port),
        PGLITE_DIR: join(dataDir, "pglite"),
        DATABASE_URL: "",
        DEMO_DATA: "1",
        // The complaint form's proof of work (ADR 0024), made cheap for tests.
        COMPLAINT_POW_COST: "1",
        COMPLAINT_POW_COUNTER_MAX: "20",
        COMPLAINT_POW_NO_SCRIPT_WAIT_SECONDS: "3",
      },
    },
  });
}
