// Production entry: one Node process, one port, one database handle. It migrates, seeds
// the demo on the first run, then serves the admin SPA at /admin, the portal's static
// assets, and everything else (pages, open data, /api/trpc) through Astro.
// See docs/adr/0001-one-process-serves-portal-admin-api.md.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import sirv from "sirv";
import { createDatabase } from "@ita/db";
import { listenPublicChanges } from "@ita/db/public-changes";
import { readMailEnv } from "@ita/api/mail-env";
import { startJobQueue } from "@ita/jobs";
import { AccessCounter } from "@ita/api/access-stats";
import { sweepOrphanComplaintFiles } from "@ita/api/jobs";
import { forgetCachedQueries } from "@ita/api/query-cache";
import { ensureTotpEncryptionKey } from "@ita/api/totp-secrets";
import { env } from "./src/env.ts";
import { adminCsp } from "./src/lib/admin-csp.ts";
import { handleClientError } from "./src/lib/client-error.ts";
import { createCompression } from "./src/lib/compression.ts";
import { MAX_HEADER_BYTES } from "./src/lib/oversize-request.ts";
import { classifyAccess } from "./src/lib/access-count.ts";
import { watchScheduledMoments } from "./src/lib/page-cache/due.ts";
import { createPageCache } from "./src/lib/page-cache/http.ts";
import { PUBLIC_CHANGES_SYMBOL } from "./src/lib/page-cache/settle.ts";
import { createSocketHitServer } from "./src/lib/page-cache/socket-hits.ts";
import { accountsFile, databaseOptions as options, prepareDatabase } from "./prepare-database.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const adminBuild = join(here, "../admin/build");
const started = Date.now();
// Fail at start, not at the first invitation, when links would have no trusted origin.
try {
  readMailEnv();
  // Authenticator secrets are sealed with a key outside the database (docs/adr/0011).
  ensureTotpEncryptionKey();
} catch (error) {
  console.error(error.issues?.map((issue) => issue.message).join("\n") ?? error);
  process.exit(1);
}

// With PostgreSQL, several processes share the port and nothing but the database
// (docs/deploy.md); the embedded PGlite can be opened by one process only.
const processes = options.driver === "postgres" ? env.PORTAL_PROCESSES : 1;
if (options.driver !== "postgres" && env.PORTAL_PROCESSES > 1)
  console.warn("PORTAL_PROCESSES needs DATABASE_URL: the embedded database runs one process.");

if (cluster.isPrimary) {
  // Under `npm start` a new embedded database was prepared already (start.mjs): this only
  // migrates what an upgrade brings and finds the demo there.
  const handle = await prepareDatabase();
  // Complaint evidence a killed server wrote without committing its row: nothing of this
  // start is being written yet, so whatever is older than it and unowned goes (ADR 0012).
  await sweepOrphanComplaintFiles({ db: handle.db, before: new Date(started) });
  if (processes > 1) {
    await handle.close();
    superviseWorkers(processes);
  } else {
    await serve(handle, { runJobs: env.JOB_WORKER === "1" });
  }
} else {
  // A worker: the primary has migrated and seeded already.
  await serve(await createDatabase(options), {
    runJobs: env.JOB_WORKER === "1" && env.ITA_WORKER_INDEX === 0,
  });
}

/** The primary keeps `count` serving processes running, each restarted if it dies. */
function superviseWorkers(count) {
  let stopping = false;
  let listening = 0;
  const start = (index) => cluster.fork({ ITA_WORKER_INDEX: String(index) });
  const indexOf = new Map();
  for (let i = 0; i < count; i++) indexOf.set(start(i), i);
  cluster.on("listening", () => {
    if (++listening === count) printBanner(`${count} processes`);
  });
  cluster.on("exit", (worker, code, signal) => {
    const index = indexOf.get(worker);
    indexOf.delete(worker);
    if (stopping) return;
    console.error(`portal process ${index} ended (${signal ?? code}); starting it again`);
    indexOf.set(start(index), index);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of indexOf.keys()) worker.process.kill("SIGTERM");
      cluster.disconnect(() => process.exit(0));
    });
  }
}

async function serve(handle, { runJobs }) {
  // The one job queue (OCR of scanned files, …): tasks run here unless JOB_WORKER=0 leaves
  // them to a worker process of its own (packages/jobs/README.md); with several portal
  // processes, the first one runs them.
  const jobs = await startJobQueue(handle, { work: runJobs });
  // Scheduled revisions that came due while the server was down go public now rather
  // than at the next minute's run of the same task.
  if (runJobs) await jobs.send("publish-due", {});

  // The Astro bundle picks the handle up from here (src/lib/database.ts).
  globalThis[Symbol.for("ita.portal.database")] = handle.db;
  const { handler: astro } = await import("./dist/server/entry.mjs");

  // Rendered public pages are kept, compressed, until the database says they changed
  // (docs/adr/0018-rendered-page-cache.md): a committed change reaches every process through LISTEN/NOTIFY.
  const pages = createPageCache({ budgetBytes: env.PAGE_CACHE_MB * 1024 * 1024 });
  const onChange = (change) => {
    pages.apply(change);
    forgetCachedQueries();
    moments.rearm();
  };
  const moments = watchScheduledMoments(handle.db, onChange);
  const changes = await listenPublicChanges(handle, onChange);
  globalThis[PUBLIC_CHANGES_SYMBOL] = changes;
  await moments.rearm();

  // Built assets are served from the .br/.gz written at build time (scripts/precompress.mjs,
  // the admin's adapter); everything else is compressed as it goes out (docs/adr/0016).
  const assets = sirv(join(here, "dist/client"), {
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders: (res, path) => {
      if (path.startsWith("/_astro/"))
        res.setHeader("cache-control", "public, max-age=31536000, immutable");
    },
  });
  const admin = existsSync(adminBuild)
    ? sirv(adminBuild, { single: true, etag: true, dev: false, brotli: true, gzip: true })
    : null;
  const adminPolicy = admin ? adminCsp(readFileSync(join(adminBuild, "index.html"), "utf8")) : "";

  const compress = createCompression();

  // Access statistics: counted in memory per request (no I/O, no address, no cookie),
  // added to the database every 30 s and at shutdown (a crash loses at most that batch).
  const access = new AccessCounter();
  const flushAccess = () =>
    access.flush(handle.db).catch((error) => console.error("access statistics:", error));
  const accessTimer = setInterval(flushAccess, 30_000);
  accessTimer.unref();

  const count = (method, url) => {
    const hit = classifyAccess(method, url);
    if (hit) access.hit(hit.kind, hit.ref);
  };
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    count(req.method, req.url);
    if (pages.serve(req, res)) return;
    compress(req, res, () => pages.capture(req, res, () => route(req, res)));
  });

  function route(req, res) {
    const url = req.url ?? "/";
    if (url === "/admin") {
      res.writeHead(308, { location: "/admin/" }).end();
      return;
    }
    if (admin && url.startsWith("/admin/")) {
      req.url = url.slice("/admin".length);
      res.setHeader("content-security-policy", adminPolicy);
      res.setHeader("x-content-type-options", "nosniff");
      res.setHeader("referrer-policy", "same-origin");
      res.setHeader("x-frame-options", "DENY");
      admin(req, res, () => res.writeHead(404).end());
      return;
    }
    assets(req, res, () => astro(req, res));
  }

  // A URL too long even for MAX_HEADER_BYTES gets a Thai page rather than an empty 431.
  server.on("clientError", handleClientError);

  // Hits of the cache are answered on the socket, without node:http, which gets every
  // other request (docs/adr/0032-socket-writer-for-hits.md); PAGE_CACHE_SOCKET_WRITER=0
  // lets node:http answer everything.
  const listener =
    env.PAGE_CACHE_MB > 0 && env.PAGE_CACHE_SOCKET_WRITER === "1"
      ? createSocketHitServer({
          http: server,
          answer: (request) => {
            const hit = pages.answer(request);
            if (hit) count("GET", request.target);
            return hit;
          },
        })
      : server;
  listener.listen(env.PORT, env.HOST, () => {
    if (cluster.isPrimary) printBanner(handle.driver);
  });

  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      listener.close();
      moments.stop();
      clearInterval(accessTimer);
      flushAccess()
        .then(() => changes.close())
        .catch(() => {})
        .then(() => jobs.stop())
        .catch(() => {})
        .then(() => handle.close())
        .finally(() => process.exit(0));
    });
  }
}

function printBanner(what) {
  const base = `http://localhost:${env.PORT}`;
  console.log(
    `\nITA transparency portal is running (${what}, ready in ${((Date.now() - (env.ITA_LAUNCHED_AT ?? started)) / 1000).toFixed(1)} s)`,
  );
  console.log(`  Portal: ${base}/`);
  console.log(`  Admin:  ${base}/admin/`);
  if (accountsFile && existsSync(accountsFile)) {
    console.log(`\nDemo sign-ins (generated on first start, kept in ${accountsFile}):`);
    console.log(readFileSync(accountsFile, "utf8"));
  }
}
