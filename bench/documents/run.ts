/**
 * Document text benchmark (not a test): pages per second for PDF text (poppler and
 * pdf.js), for OCR, and the time to make N stored PDFs searchable through the
 * `document-text` task on an embedded PGlite. See docs/performance.md.
 *
 *   pnpm bench:documents [--files 1000] [--pages 20] [--ocr-pages 3]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { canOcr, hasProgram, ocrPdfPages, pdfPages } from "@ita/api/documents";
import { markAllForReading, readWaitingFiles } from "@ita/api/jobs";
import {
  scannedThaiAnnouncement,
  thaiAnnouncementPdf,
  THAI_ANNOUNCEMENT,
} from "@ita/api/testing/thai-pdf";
import { createDatabase } from "@ita/db";
import { createFileStore } from "@ita/db/files";
import { migrateDatabase } from "@ita/db/migrate";
import { rebuildSearchDocuments } from "@ita/db/search";
import { createAgency, createPublicEntry } from "@ita/db/testing";
import { sql } from "drizzle-orm";
import { extractText } from "unpdf";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const FILES = arg("files", 1000);
const PAGES = arg("pages", 20);
const OCR_PAGES = arg("ocr-pages", 3);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, (performance.now() - started) / 1000];
}

const rows: string[][] = [];
const report = (what: string, figure: string, note = "") => {
  rows.push([what, figure, note]);
  console.log(`${what}: ${figure} ${note}`);
};

// A born-digital Thai document of PAGES pages (the announcement, repeated).
const paragraphs = Array.from({ length: PAGES * 10 }, (_, i) => THAI_ANNOUNCEMENT[i % 4]!);
const longPdf = await thaiAnnouncementPdf(paragraphs);
const [popplerPages, popplerSeconds] = await timed(() => pdfPages(longPdf));
if (hasProgram("pdftotext"))
  report(
    "PDF text, poppler pdftotext",
    `${(popplerPages.length / popplerSeconds).toFixed(0)} pages/s`,
    `(${popplerPages.length} pages in ${popplerSeconds.toFixed(2)} s, child process)`,
  );
const [pdfjs, pdfjsSeconds] = await timed(() =>
  extractText(new Uint8Array(longPdf), { mergePages: false }),
);
report(
  "PDF text, pdf.js (unpdf), in process",
  `${(pdfjs.totalPages / pdfjsSeconds).toFixed(0)} pages/s`,
  `(${pdfjs.totalPages} pages in ${pdfjsSeconds.toFixed(2)} s)`,
);

if (canOcr()) {
  const { pdf: scanned } = await scannedThaiAnnouncement();
  let pages = 0;
  const [, ocrSeconds] = await timed(async () => {
    for (let i = 0; i < OCR_PAGES; i++) pages += (await ocrPdfPages(scanned, [1])).size;
  });
  report(
    "OCR, pdftoppm 200 dpi + tesseract tha+eng",
    `${(pages / ocrSeconds).toFixed(2)} pages/s`,
    `(${(ocrSeconds / pages).toFixed(2)} s a page, one at a time)`,
  );
} else report("OCR", "skipped", "(tesseract-ocr-tha or poppler-utils missing)");

// N stored PDFs made searchable: each a short Thai PDF with a unique tail (distinct files).
const dir = mkdtempSync(join(tmpdir(), "ita-bench-docs-"));
const handle = await createDatabase({ driver: "pglite", dataDir: "memory://" });
try {
  await migrateDatabase(handle);
  const files = createFileStore(join(dir, "files"));
  const base = await thaiAnnouncementPdf(paragraphs.slice(0, 16));
  const basePages = (await pdfPages(base)).length;
  const agency = await createAgency(handle.db, { type: "sao" });
  const [, seedSeconds] = await timed(async () => {
    for (let i = 0; i < FILES; i++) {
      const tail = new TextEncoder().encode(`\n%bench ${i}\n`);
      const bytes = new Uint8Array(base.byteLength + tail.byteLength);
      bytes.set(base);
      bytes.set(tail, base.byteLength);
      await createPublicEntry(
        handle.db,
        {
          agencyId: agency.id,
          fiscalYear: 2568,
          itemCode: `O${(i % 40) + 1}`,
          title: `เอกสารทดสอบ ${i}`,
          files: [{ fileName: `doc-${i}.pdf`, contentType: "application/pdf", bytes }],
        },
        files,
      );
    }
  });
  console.log(`stored ${FILES} PDFs in ${seedSeconds.toFixed(1)} s`);
  await markAllForReading(handle.db);
  const [done, readSeconds] = await timed(() =>
    readWaitingFiles({ db: handle.db, files, send: async () => {} }),
  );
  await rebuildSearchDocuments(handle.db);
  const found = await handle.db.execute(
    sql`select count(*)::int as n from search_documents where search_text like ${"%ประพฤติมิชอบ%"}`,
  );
  const n = (found as unknown as { rows: { n: number }[] }).rows[0]!.n;
  report(
    `${FILES} stored ${basePages}-page PDFs made searchable (document-text task, PGlite)`,
    `${readSeconds.toFixed(1)} s`,
    `(${(done / readSeconds).toFixed(1)} files/s; search then finds ${n} of them)`,
  );
} finally {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`\n${cpus().length} cores, ${cpus()[0]?.model ?? "?"}, Node ${process.version}\n`);
console.log("| what | figure | note |\n| --- | --- | --- |");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
