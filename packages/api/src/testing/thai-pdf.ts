import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Page } from "playwright-core";

/** The sentences the Thai fixtures carry; tests search for words of these. */
export const THAI_ANNOUNCEMENT = [
  "ประกาศองค์การบริหารส่วนจังหวัดลำพูน",
  "เรื่อง เจตจำนงสุจริตในการบริหารงานและการป้องกันไฟป่า ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
  "องค์การบริหารส่วนจังหวัดลำพูนมีเจตจำนงที่จะบริหารงานด้วยความซื่อสัตย์สุจริต โปร่งใส และต่อต้านการทุจริตและประพฤติมิชอบทุกรูปแบบ",
  "การจัดซื้อจัดจ้างทุกโครงการจะเปิดเผยข้อมูลต่อสาธารณะ และจะร่วมมือกับชุมชนในการป้องกันไฟป่าและหมอกควัน",
];

export function chromiumPath(): string | undefined {
  // eslint-disable-next-line no-restricted-syntax -- test helper, as the Playwright config
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return configured;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

function sarabunDataUrl(): string {
  const require = createRequire(import.meta.url);
  const file = require.resolve("@fontsource/sarabun/files/sarabun-thai-400-normal.woff2");
  return `data:font/woff2;base64,${readFileSync(file).toString("base64")}`;
}

function announcementHtml(paragraphs: string[]): string {
  return `<!doctype html><html lang="th"><meta charset="utf-8"><style>
    @font-face { font-family: Sarabun; src: url(${sarabunDataUrl()}) format("woff2"); }
    body { font-family: Sarabun; font-size: 16pt; width: 14.5cm; }
  </style><body>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</body></html>`;
}

async function withPage<T>(scale: number, work: (page: Page) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    return await work(await browser.newPage({ deviceScaleFactor: scale }));
  } finally {
    await browser.close();
  }
}

/**
 * A born-digital Thai announcement as an agency makes one: HTML in the portal's
 * Sarabun, printed to PDF by Chromium (the PDF whose pdf.js text has NULs for tone
 * marks). At 14.5 cm the line wraps inside ประพฤติมิชอบ, as real documents do.
 */
export async function thaiAnnouncementPdf(
  paragraphs: string[] = THAI_ANNOUNCEMENT,
): Promise<Uint8Array> {
  return withPage(1, async (page) => {
    await page.setContent(announcementHtml(paragraphs));
    await page.evaluate(() => document.fonts.ready);
    return new Uint8Array(await page.pdf({ format: "A4", printBackground: false }));
  });
}

/**
 * The same announcement as a scanner gives it: the page as a picture (about 200 dpi),
 * as PNG and wrapped in a PDF that has no text layer.
 */
export async function scannedThaiAnnouncement(
  paragraphs: string[] = THAI_ANNOUNCEMENT,
): Promise<{ png: Uint8Array; pdf: Uint8Array }> {
  return withPage(2, async (page) => {
    await page.setContent(announcementHtml(paragraphs));
    await page.evaluate(() => document.fonts.ready);
    const png = new Uint8Array(await page.screenshot({ fullPage: true }));
    const img = `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
    await page.setContent(
      `<!doctype html><style>@page{margin:1cm}body{margin:0}</style><img src="${img}" style="width:16cm">`,
    );
    const pdf = new Uint8Array(await page.pdf({ format: "A4" }));
    return { png, pdf };
  });
}
