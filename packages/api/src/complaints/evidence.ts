/**
 * Complaint evidence: the rules (count, size, type from the bytes, no macros) and the
 * removal of what a file says about its maker — EXIF (camera, GPS, time) from images,
 * author and properties from Word/Excel and PDF files. What cannot be removed becomes
 * a warning the complainant reads before sending (ADR 0012).
 */
import {
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MESSAGES,
  EVIDENCE_TYPES,
  type EvidenceWarning,
} from "@ita/domain/complaints";
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from "fflate";
import { PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } from "pdf-lib";
import sharp from "sharp";
import { fieldError } from "../authz/field-error.ts";
import { withMatchingExtension } from "../uploads/file-extension.ts";
import { cleanFileName, detectFileType } from "../uploads/inspect-file.ts";

export interface CleanEvidence {
  fileName: string;
  contentType: string;
  /** The bytes to keep: metadata removed where that was possible. */
  bytes: Uint8Array;
  warnings: EvidenceWarning[];
}

/** The form field evidence errors belong to. */
export const EVIDENCE_FIELD = "files";

export function evidenceError(key: keyof typeof EVIDENCE_MESSAGES) {
  const m = EVIDENCE_MESSAGES[key];
  return fieldError(EVIDENCE_FIELD, m.th, m.en);
}

const MACRO_TYPES = /macroenabled/i;

/**
 * Checks one file and removes its metadata. Throws a field error on `files` (Thai and
 * English) when the file is refused; nothing is stored by this function.
 */
export async function inspectEvidence(fileName: string, bytes: Uint8Array): Promise<CleanEvidence> {
  if (bytes.byteLength === 0) throw evidenceError("empty");
  if (bytes.byteLength > EVIDENCE_MAX_BYTES) throw evidenceError("tooBig");
  const detected = await detectFileType(fileName, bytes);
  if (detected && MACRO_TYPES.test(detected.mime)) throw evidenceError("macros");
  if (!detected || !EVIDENCE_TYPES[detected.mime]) throw evidenceError("wrongType");
  const contentType = detected.mime;
  const name = withMatchingExtension(cleanFileName(fileName), contentType, detected.ext);
  const cleaned =
    contentType === "image/jpeg" || contentType === "image/png"
      ? { bytes: await stripImage(bytes, contentType), warnings: [] }
      : contentType === "application/pdf"
        ? await stripPdf(bytes)
        : stripOffice(bytes);
  return { fileName: name, contentType, ...cleaned };
}

/**
 * Images are decoded and encoded again (sharp keeps no metadata unless asked): EXIF,
 * GPS, XMP, IPTC, comments and the ICC profile go. The EXIF orientation is applied
 * first, so the picture still stands the right way up.
 */
async function stripImage(bytes: Uint8Array, type: "image/jpeg" | "image/png") {
  try {
    const image = sharp(bytes, { failOn: "error", limitInputPixels: 100_000_000 }).rotate();
    const out =
      type === "image/jpeg"
        ? await image.jpeg({ quality: 92, chromaSubsampling: "4:4:4" }).toBuffer()
        : await image.png({ compressionLevel: 9 }).toBuffer();
    return new Uint8Array(out);
  } catch {
    throw evidenceError("unreadable");
  }
}

/** At most this much unpacked, so a small zip cannot fill memory ("zip bomb"). */
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

const EMPTY_PROPERTIES: Record<string, string> = {
  "docProps/core.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>',
  "docProps/app.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>',
  "docProps/custom.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>',
};

/** Parts that name people and are part of the content (comments, tracked changes). */
const PEOPLE_PARTS =
  /^(word\/(comments[^/]*|people)\.xml|xl\/(comments\d*\.xml|threadedComments\/.*|persons\/.*))$/i;

/**
 * Word and Excel files are zip packages: the core, app and custom property parts are
 * replaced by empty ones (author, last editor, company, template, times, …), so every
 * relationship still resolves. Macros (a vbaProject part, or a macro-enabled content
 * type behind a .docx name) are refused. Comments and tracked changes stay — they are
 * content — with a warning.
 */
function stripOffice(bytes: Uint8Array): { bytes: Uint8Array; warnings: EvidenceWarning[] } {
  let entries: Unzipped;
  let total = 0;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new Error("unzipped size over limit");
        return true;
      },
    });
  } catch {
    throw evidenceError("unreadable");
  }
  const names = Object.keys(entries);
  const contentTypes = strFromU8(entries["[Content_Types].xml"] ?? new Uint8Array());
  if (
    names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n) || /(^|\/)vbaData\.xml$/i.test(n)) ||
    /macroEnabled|vbaProject/i.test(contentTypes)
  )
    throw evidenceError("macros");
  for (const [part, empty] of Object.entries(EMPTY_PROPERTIES))
    if (entries[part]) entries[part] = strToU8(empty);
  const document = entries["word/document.xml"];
  const tracked = document ? /<w:(ins|del)\b[^>]*w:author=/.test(strFromU8(document)) : false;
  const warnings: EvidenceWarning[] =
    tracked || names.some((n) => PEOPLE_PARTS.test(n)) ? ["office-comments"] : [];
  return { bytes: zipSync(entries, { level: 6 }), warnings };
}

/**
 * PDFs: the document information dictionary (author, creator, producer, dates, …) and
 * every XMP metadata stream are removed and the file is written anew, which also drops
 * earlier revisions kept by incremental saves. An encrypted or unreadable PDF stays as
 * it was, with a warning.
 */
async function stripPdf(
  bytes: Uint8Array,
): Promise<{ bytes: Uint8Array; warnings: EvidenceWarning[] }> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    return { bytes: await rewriteWithoutMetadata(doc), warnings: [] };
  } catch {
    return { bytes, warnings: ["pdf-not-cleaned"] };
  }
}

async function rewriteWithoutMetadata(doc: PDFDocument): Promise<Uint8Array> {
  const context = doc.context;
  const info = context.trailerInfo.Info;
  if (info instanceof PDFRef) context.delete(info);
  context.trailerInfo.Info = undefined;
  const METADATA = PDFName.of("Metadata");
  const PIECE_INFO = PDFName.of("PieceInfo");
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    const dict =
      object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : null;
    if (!dict) continue;
    if (dict.get(PDFName.of("Type")) === METADATA) {
      context.delete(ref);
      continue;
    }
    for (const key of [METADATA, PIECE_INFO]) {
      const value = dict.get(key);
      if (!value) continue;
      dict.delete(key);
      if (value instanceof PDFRef) context.delete(value);
    }
  }
  return doc.save({ updateFieldAppearances: false });
}
