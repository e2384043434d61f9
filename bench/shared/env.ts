import { z } from "zod";

// The benchmarks' one env reader (bench/portal, bench/shared). The servers they start get
// this environment plus their own settings.
const BenchEnv = z.object({
  /** Maintenance connection of the local PostgreSQL server (loopback only). */
  BENCH_ADMIN_URL: z.string().default("postgres://postgres@127.0.0.1:5432/postgres"),
  PATH: z.string().default(""),
});

// eslint-disable-next-line no-restricted-syntax -- the env module
export const inheritedEnv: Readonly<Record<string, string | undefined>> = { ...process.env };
export const benchEnv = BenchEnv.parse(inheritedEnv);
