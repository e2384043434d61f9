import { availableParallelism } from "node:os";
import { z } from "zod";

// The portal's one env reader (the database settings are read by @ita/db).
const PortalEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(4321),
  HOST: z.string().default("0.0.0.0"),
  /**
   * The site's public origin, e.g. https://ita.example.go.th: the one setting for every
   * absolute link (feeds, sitemaps, open data, e-mails). Required in production by the
   * mail settings (@ita/api/mail-env), so a forged Host never reaches a shared response.
   */
  PUBLIC_URL: z.url().optional(),
  /**
   * How many reverse proxies of ours stand in front of this server (0: clients connect
   * directly). Decides which X-Forwarded-For entry is the client's address; see
   * docs/adr/0011-sign-in-throttling-proxies-sessions.md.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * "1" adds the demo agencies and accounts to an empty database. Unset, only the
   * embedded database gets them (`npm start` to try it out); a PostgreSQL server
   * (`DATABASE_URL`) is a real install and never does unless asked (ADR 0009).
   */
  DEMO_DATA: z.enum(["0", "1"]).optional(),
  DATABASE_URL: z.string().optional(),
  /** "0": this process queues jobs but a worker process runs them (`pnpm --filter @ita/jobs worker`). */
  JOB_WORKER: z.enum(["0", "1"]).default("1"),
  /**
   * Portal processes sharing the port, with `DATABASE_URL` only (the embedded database
   * allows one): by default one per CPU core (docs/deploy.md).
   */
  PORTAL_PROCESSES: z.coerce.number().int().min(1).max(256).optional(),
  /** Set by start.mjs: when the launch began (ms), so "ready in" counts a first start's preparation. */
  ITA_LAUNCHED_AT: z.coerce.number().int().min(0).optional(),
  /** Set by server.mjs for the processes it starts: 0 is the one that runs the job queue. */
  ITA_WORKER_INDEX: z.coerce.number().int().min(0).optional(),
  /**
   * Memory for rendered public pages kept compressed, per process, in MiB; 0 turns the
   * cache off (docs/adr/0018-rendered-page-cache.md).
   */
  PAGE_CACHE_MB: z.coerce.number().min(0).max(65536).default(64),
  /**
   * "1": the cache's hits are written to the socket without node:http; "0": node:http
   * answers every request (docs/adr/0032-socket-writer-for-hits.md).
   */
  PAGE_CACHE_SOCKET_WRITER: z.enum(["0", "1"]).default("1"),
});

export function readPortalEnv(
  // eslint-disable-next-line no-restricted-syntax -- the env module
  source: Record<string, string | undefined> = process.env,
) {
  const { DATABASE_URL, ...parsed } = PortalEnv.parse(source);
  return {
    ...parsed,
    DEMO_DATA: parsed.DEMO_DATA ?? (DATABASE_URL ? "0" : "1"),
    PORTAL_PROCESSES: parsed.PORTAL_PROCESSES ?? (DATABASE_URL ? availableParallelism() : 1),
  };
}

export const env = readPortalEnv();
