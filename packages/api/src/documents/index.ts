// What scripts outside the API (benchmarks, commands) use of document text.
export { readFullText, readTextLayer } from "./extract-text.ts";
export { canOcr, ocrPdfPages } from "./ocr.ts";
export { pdfPages } from "./pdf-text.ts";
export { hasProgram } from "./run-program.ts";
