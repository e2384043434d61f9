import { z } from "zod";

// The portal's one env reader (the database settings are read by @ita/db).
const PortalEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(4321),
  HOST: z.string().default("0.0.0.0"),
  /** Public origin behind a proxy, e.g. https://ita.example.go.th (for feeds and sitemaps). */
  PUBLIC_ORIGIN: z.url().optional(),
  /**
   * How many reverse proxies of ours stand in front of this server (0: clients connect
   * directly). Decides which X-Forwarded-For entry is the client's address; see
   * docs/adr/0011-sign-in-throttling-proxies-sessions.md.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** "0" starts without demo data (production). */
  DEMO_DATA: z.enum(["0", "1"]).default("1"),
  /** "0": this process queues jobs but a worker process runs them (`pnpm --filter @ita/jobs worker`). */
  JOB_WORKER: z.enum(["0", "1"]).default("1"),
});

// eslint-disable-next-line no-restricted-syntax -- the env module
export const env = PortalEnv.parse(process.env);
