/** Plain-text tables for the terminal (and to paste into docs/performance.md). */
import type { Measurement } from "./measure.ts";
import type { TransferRow } from "./transfer.ts";

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
const rate = (x: number) =>
  Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString("en-US")) : "–";
const cpu = (x: number) => (Number.isFinite(x) ? (x < 1 ? x.toFixed(3) : x.toFixed(2)) : "–");
const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "–");

/** A Markdown table; the first `left` columns are text (left-aligned), the rest figures. */
function table(header: string[], rows: string[][], left = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < left ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i < left ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/**
 * One row per target, server and connection count, with its throughput as a share of
 * nginx serving the same bytes at the same connection count (item pages against the
 * nginx item row, every other page against the nginx agency row).
 */
export function resultsTable(results: Measurement[]): string {
  const nginx = (r: Measurement) =>
    results.find(
      (b) =>
        b.server === NGINX &&
        b.kind === r.kind &&
        b.connections === r.connections &&
        b.status === "ok",
    );
  const ordered = [...results].sort((a, b) => a.connections - b.connections);
  const rows = ordered.map((r) => {
    const head = [r.name, r.server, String(r.connections)];
    if (r.status !== "ok")
      return [
        ...head,
        r.status === "missing" ? "missing (404)" : "failed",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        r.load.toFixed(1),
      ];
    const baseline = nginx(r);
    const ratio = baseline ? r.requestsPerSecond / baseline.requestsPerSecond : Number.NaN;
    return [
      ...head,
      rate(r.requestsPerSecond),
      ms(r.p50),
      ms(r.p95),
      ms(r.p99),
      `${int(r.non2xx)}/${int(r.errors)}`,
      int(r.meanBytes),
      Number.isFinite(ratio) ? `${ratio < 0.1 ? ratio.toFixed(3) : ratio.toFixed(2)}×` : "–",
      Number.isFinite(r.databaseCpuMs) ? `${cpu(r.cpuMs)} / ${cpu(r.databaseCpuMs)}` : cpu(r.cpuMs),
      r.load.toFixed(1),
    ];
  });
  const notes = ordered
    .filter((r) => r.status !== "ok")
    .map((r) => `  ${r.name} (${r.server}, ${r.connections} conn.): ${r.detail}`);
  return [
    table(
      [
        "target",
        "server",
        "conn.",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "non-2xx/err",
        "bytes",
        "of nginx",
        "CPU ms/req (PG)",
        "load",
      ],
      rows,
      2,
    ),
    ...notes,
  ].join("\n");
}

/** The server name of the baseline rows. */
export const NGINX = "nginx, static files";

export interface MemoryRow {
  server: string;
  processes: number;
  /** RSS when the server said it was ready. */
  readyMiB: number;
  /** Summed VmHWM when ready: the peak of starting. */
  startPeakMiB: number;
  /** RSS a few seconds after ready, before any load. */
  idleMiB: number;
  /** Highest summed RSS sampled under load (NaN when not loaded). */
  loadMiB: number;
  /** Summed VmHWM when stopped. */
  peakMiB: number;
}

export function memoryTable(rows: MemoryRow[]): string {
  return table(
    [
      "server (RSS summed over its processes, MiB)",
      "processes",
      "ready",
      "peak at start",
      "idle",
      "under load",
      "peak (VmHWM)",
    ],
    rows.map((r) => [
      r.server,
      String(r.processes),
      int(r.readyMiB),
      int(r.startPeakMiB),
      int(r.idleMiB),
      int(r.loadMiB),
      int(r.peakMiB),
    ]),
  );
}

export function transferTable(rows: TransferRow[]): string {
  const pct = (part: number, whole: number) => `${Math.round((100 * part) / whole)} %`;
  return table(
    ["page (mean body bytes)", "pages", "none", "gzip", "br", "gzip of none", "br of none"],
    rows.map((r) => [
      r.name,
      String(r.pages),
      int(r.bytes.identity),
      int(r.bytes.gzip),
      int(r.bytes.br),
      pct(r.bytes.gzip, r.bytes.identity),
      pct(r.bytes.br, r.bytes.identity),
    ]),
  );
}

export function phasesTable(phases: [string, number][]): string {
  return table(
    ["phase", "seconds"],
    phases.map(([name, s]) => [name, s.toFixed(1)]),
  );
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  return `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
}
