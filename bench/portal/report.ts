/** Plain-text tables for the terminal (and to paste into docs/performance.md). */
import type { Measurement } from "./measure.ts";

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
const rate = (x: number) =>
  Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString("en-US")) : "–";
const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "–");

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** One row per target, with how far each is from serving the same bytes statically. */
export function resultsTable(results: Measurement[], baseline: Measurement | undefined): string {
  const rows = results.map((r) => {
    if (r.status !== "ok")
      return [
        r.name,
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
    const slower =
      baseline && r !== baseline ? baseline.requestsPerSecond / r.requestsPerSecond : Number.NaN;
    const p95Ratio = baseline && r !== baseline ? r.p95 / baseline.p95 : Number.NaN;
    return [
      r.name,
      rate(r.requestsPerSecond),
      ms(r.p50),
      ms(r.p95),
      ms(r.p99),
      `${int(r.non2xx)}/${int(r.errors)}`,
      int(r.meanBytes),
      Number.isFinite(slower) ? `${slower.toFixed(1)}×` : r === baseline ? "1×" : "–",
      Number.isFinite(p95Ratio) ? `${p95Ratio.toFixed(1)}×` : r === baseline ? "1×" : "–",
      r.load.toFixed(1),
    ];
  });
  const notes = results.filter((r) => r.status !== "ok").map((r) => `  ${r.name}: ${r.detail}`);
  return [
    table(
      [
        "target",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "non-2xx/err",
        "bytes",
        "static/page req/s",
        "page/static p95",
        "load",
      ],
      rows,
    ),
    ...notes,
  ].join("\n");
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
