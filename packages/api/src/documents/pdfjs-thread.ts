import { Worker } from "node:worker_threads";

/** Limits of the pdf.js fallback thread, like those of the external programs. */
const PDFJS_TIMEOUT_MS = 30_000;
const PDFJS_HEAP_MB = 512;

// The thread imports unpdf itself: a file path cannot be relied on inside the portal's
// bundle, so the module URL is resolved here and passed in.
const THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.unpdf)
  .then(({ extractText }) => extractText(workerData.bytes, { mergePages: false }))
  .then(({ text }) => parentPort.postMessage({ pages: text.slice(0, workerData.maxPages) }))
  .catch((error) => parentPort.postMessage({ error: String(error) }));
`;

/** The URL of unpdf's module, or null where it cannot be resolved (then pdf.js runs in process). */
export function unpdfUrl(): string | null {
  try {
    return import.meta.resolve("unpdf");
  } catch {
    return null;
  }
}

/**
 * The text layer by pdf.js (unpdf), off the request thread: in a worker thread with a
 * heap limit, terminated after the timeout. Where unpdf cannot be located (a bundle
 * without it as a file), in process, as a last resort.
 */
export async function pdfjsPages(
  bytes: Uint8Array,
  maxPages: number,
  timeoutMs = PDFJS_TIMEOUT_MS,
): Promise<string[]> {
  const url = unpdfUrl();
  if (!url) {
    const { extractText } = await import("unpdf");
    return (await extractText(new Uint8Array(bytes), { mergePages: false })).text.slice(
      0,
      maxPages,
    );
  }
  const worker = new Worker(THREAD, {
    eval: true,
    workerData: { unpdf: url, bytes: new Uint8Array(bytes), maxPages },
    resourceLimits: { maxOldGenerationSizeMb: PDFJS_HEAP_MB },
  });
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`pdf.js took over ${timeoutMs} ms`)),
        timeoutMs,
      );
      worker.once("message", (m: { pages?: string[]; error?: string }) => {
        clearTimeout(timer);
        if (m.pages) resolve(m.pages);
        else reject(new Error(m.error ?? "pdf.js failed"));
      });
      worker.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } finally {
    await worker.terminate();
  }
}
