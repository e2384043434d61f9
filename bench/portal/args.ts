import { parseArgs } from "node:util";

export interface BenchArgs {
  driver: "postgres" | "pglite";
  agencies: number;
  entries: number;
  /** Seconds per measured target. */
  duration: number;
  /** Each target is measured at each of these connection counts (default 10 and 50). */
  connections: number[];
  /** Accept-Encoding of the load: gzip (as browsers), br, or identity (none). */
  encoding: "gzip" | "br" | "identity";
  /** Keep the database afterwards (for EXPLAIN or a rerun with --reuse); --reuse and --seed-only imply it. */
  keep: boolean;
  /** Measure an existing bench database instead of generating a new one. */
  reuse: boolean;
  /** Only generate the dataset, measure nothing. */
  seedOnly: boolean;
  /** Apply the suggested index, statistics and jit=off to the bench database first. */
  suggested: boolean;
  /** Measure only targets whose name starts with one of these (the nginx baseline always runs). */
  only: string[];
}

const USAGE = `pnpm bench:portal [--pglite] [--agencies N] [--entries N] [--duration S] [--connections 10,50] [--encoding gzip|br|identity] [--keep] [--reuse] [--seed-only] [--suggested] [--only agency,item,search,home,open-data,embedded]`;

function positiveInt(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`--${name} must be an integer 1…${max}\n${USAGE}`);
  return n;
}

function encodingOf(raw: string | undefined): BenchArgs["encoding"] {
  if (raw === undefined) return "gzip";
  if (raw === "gzip" || raw === "br" || raw === "identity") return raw;
  throw new Error(`--encoding must be gzip, br or identity\n${USAGE}`);
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
      encoding: { type: "string" },
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
    connections: (values.connections ?? "10,50")
      .split(",")
      .map((c) => positiveInt("connections", c.trim(), 10, 1000)),
    encoding: encodingOf(values.encoding),
    // A reused dataset is never dropped: it took ~15 minutes to generate.
    keep: values.keep || values["seed-only"] || values.reuse,
    reuse: values.reuse,
    seedOnly: values["seed-only"],
    suggested: values.suggested,
    only: (values.only ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  };
}
