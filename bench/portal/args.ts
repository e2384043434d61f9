import { parseArgs } from "node:util";

export interface BenchArgs {
  driver: "postgres" | "pglite";
  agencies: number;
  entries: number;
  /** Seconds per measured target. */
  duration: number;
  connections: number;
  /** Keep the database afterwards (for EXPLAIN or a rerun with --reuse). */
  keep: boolean;
  /** Measure an existing bench database instead of generating a new one. */
  reuse: boolean;
  /** Only generate the dataset, measure nothing. */
  seedOnly: boolean;
  /** Apply the suggested index, statistics and jit=off to the bench database first. */
  suggested: boolean;
  /** Measure only targets whose name starts with one of these (the static baseline always runs). */
  only: string[];
}

const USAGE = `pnpm bench:portal [--pglite] [--agencies N] [--entries N] [--duration S] [--connections C] [--keep] [--reuse] [--seed-only] [--suggested] [--only agency,search,…]`;

function positiveInt(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`--${name} must be an integer 1…${max}\n${USAGE}`);
  return n;
}

export function readArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      pglite: { type: "boolean", default: false },
      agencies: { type: "string" },
      entries: { type: "string" },
      duration: { type: "string" },
      connections: { type: "string" },
      keep: { type: "boolean", default: false },
      reuse: { type: "boolean", default: false },
      "seed-only": { type: "boolean", default: false },
      only: { type: "string" },
      suggested: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    driver: values.pglite ? "pglite" : "postgres",
    agencies: positiveInt("agencies", values.agencies, 8_000, 50_000),
    entries: positiveInt("entries", values.entries, 1_100_000, 10_000_000),
    duration: positiveInt("duration", values.duration, 10, 120),
    connections: positiveInt("connections", values.connections, 10, 100),
    keep: values.keep || values["seed-only"],
    reuse: values.reuse,
    seedOnly: values["seed-only"],
    suggested: values.suggested,
    only: (values.only ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  };
}
