/**
 * The governor's one-page summary chart, drawn on the server as SVG: one bar per
 * agency (percent of the round's items published and not needing a fix), with the
 * numbers written beside each bar so the chart reads without colour. Text is escaped.
 */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function progressChartSvg(
  rows: readonly { nameTh: string; percent: number }[],
  titleTh: string,
): string {
  const bar = 16;
  const gap = 6;
  const left = 260;
  const width = 640;
  const plot = width - left - 50;
  const height = 30 + rows.length * (bar + gap);
  const parts = rows.map((r, i) => {
    const y = 24 + i * (bar + gap);
    const w = Math.round((plot * Math.max(0, Math.min(100, r.percent))) / 100);
    const name = r.nameTh.length > 34 ? `${r.nameTh.slice(0, 33)}…` : r.nameTh;
    return (
      `<text x="${left - 8}" y="${y + bar - 4}" text-anchor="end" font-size="12">${escape(name)}</text>` +
      `<rect x="${left}" y="${y}" width="${w}" height="${bar}" fill="#0b4f8a"/>` +
      `<text x="${left + w + 6}" y="${y + bar - 4}" font-size="12">${r.percent}%</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title">` +
    `<title id="chart-title">${escape(titleTh)}</title>` +
    `<line x1="${left}" y1="18" x2="${left}" y2="${height - 4}" stroke="#3d4852"/>` +
    parts.join("") +
    `</svg>`
  );
}
