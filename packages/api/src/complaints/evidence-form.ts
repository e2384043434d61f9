/**
 * Reads a complaint page's form post — urlencoded or multipart — without ever holding
 * more than the evidence rules allow: a file over 10 MB is cut off and reported, files
 * beyond the fifth are not read, and a body larger than five full files and the text
 * is not read past that. Text fields come first in the form (hidden fields, then the
 * file input), so what was typed survives even a refused upload and the page can show
 * the error next to the field with everything else intact.
 */
import { Busboy } from "@fastify/busboy";
import { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES } from "@ita/domain/complaints";
import type { IncomingFile } from "./evidence-files.ts";

export type EvidenceFormError = "tooMany" | "tooBig" | "broken";

export interface ComplaintFormPost {
  fields: Map<string, string>;
  files: IncomingFile[];
  /** Set when the files cannot be taken; `files` is then empty. */
  fileError: EvidenceFormError | null;
}

const FIELD_BYTES = 256 * 1024;
const MAX_BODY = EVIDENCE_MAX_FILES * EVIDENCE_MAX_BYTES + 4 * FIELD_BYTES;

/** Reads the post; never throws for a bad body (a broken one is `fileError: "broken"`). */
export async function readComplaintFormPost(request: Request): Promise<ComplaintFormPost> {
  const fields = new Map<string, string>();
  const files: IncomingFile[] = [];
  let fileError: EvidenceFormError | null = null;
  const fail = (e: EvidenceFormError) => {
    // The first reason wins, except that "too many" is clearer than a cut-off sixth file.
    if (!fileError || (e === "tooMany" && fileError === "tooBig")) fileError = e;
  };
  const contentType = request.headers.get("content-type") ?? "";
  let parser: InstanceType<typeof Busboy>;
  try {
    parser = new Busboy({
      headers: { "content-type": contentType },
      limits: {
        files: EVIDENCE_MAX_FILES,
        fileSize: EVIDENCE_MAX_BYTES,
        fields: 100,
        fieldSize: FIELD_BYTES,
        parts: 200,
      },
    });
  } catch {
    return { fields, files, fileError: "broken" };
  }
  const pending: Promise<void>[] = [];
  parser.on("field", (name, value) => {
    if (!fields.has(name)) fields.set(name, value);
  });
  parser.on("file", (_field, stream, filename) => {
    const chunks: Buffer[] = [];
    pending.push(
      new Promise<void>((resolve) => {
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("limit", () => fail("tooBig"));
        stream.on("error", () => (fail("broken"), resolve()));
        stream.on("end", () => {
          const bytes = Buffer.concat(chunks);
          // An empty file input (nothing chosen) still sends a part: not a file.
          if (filename || bytes.byteLength > 0)
            files.push({ name: filename, bytes: new Uint8Array(bytes) });
          resolve();
        });
      }),
    );
  });
  parser.on("filesLimit", () => fail("tooMany"));
  const finished = new Promise<void>((resolve) => {
    parser.on("finish", resolve);
    parser.on("error", () => {
      fail("broken");
      resolve();
    });
  });
  let size = 0;
  try {
    if (request.body) {
      for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > MAX_BODY) {
          // Not read any further: what came before it (the typed text) is kept.
          parser.destroy();
          return { fields, files: [], fileError: "tooBig" };
        }
        if (!parser.write(chunk)) await new Promise((r) => parser.once("drain", r));
      }
    }
    parser.end();
  } catch {
    parser.destroy();
    return { fields, files: [], fileError: "broken" };
  }
  await finished;
  if (fileError === "broken") return { fields, files: [], fileError };
  await Promise.all(pending);
  if (fileError) return { fields, files: [], fileError };
  return { fields, files, fileError: null };
}
