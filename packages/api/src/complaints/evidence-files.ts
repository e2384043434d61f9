/**
 * Storing and reading complaint evidence. Bytes are sealed with the complaint's data key
 * (`file:<id>`, so a sealed file cannot be passed off as another) before they reach the
 * file store; name, type, size and warnings are sealed in the row. A file is written to
 * the store first and its row inserted after, so a crash in between leaves a file no row
 * refers to — removed by `sweepOrphanComplaintFiles`, never a row without its file.
 */
import type { Executor } from "@ita/db";
import { readDatabaseEnv, repoRoot } from "@ita/db";
import { createFileStore, type FileStore } from "@ita/db/files";
import { complaintFiles } from "@ita/db/schema";
import {
  EVIDENCE_MAX_FILES,
  isEvidenceWarning,
  type EvidenceFileSummary,
  type EvidenceWarning,
} from "@ita/domain/complaints";
import { asc, eq, inArray } from "drizzle-orm";
import { dirname, join } from "node:path";
import type { ComplaintBox } from "./crypto.ts";
import { readComplaintEnv } from "./env.ts";
import { evidenceError, inspectEvidence, type CleanEvidence } from "./evidence.ts";

/** A file as it arrives from a form: its name as given and its bytes. */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

let defaultStore: FileStore | null = null;

/** Replaces the process's complaint file store (tests). */
export function useComplaintFileStore(store: FileStore): void {
  defaultStore = store;
}

/**
 * Where the complaint file store is: COMPLAINT_FILES_DIR, else beside the embedded
 * database's folder (PGLITE_DIR/../complaint-files), else <repo>/.data/complaint-files.
 * A store belongs to ONE database — the orphan sweep deletes every file that database
 * does not know — so a second database must never share it.
 */
export function complaintFilesDir(
  // eslint-disable-next-line no-restricted-syntax -- read through the env modules
  env: Record<string, string | undefined> = process.env,
): string {
  const configured = readComplaintEnv(env).COMPLAINT_FILES_DIR;
  if (configured) return configured;
  const db = readDatabaseEnv(env);
  if (db.driver === "pglite" && !db.dataDir.startsWith("memory://"))
    return join(dirname(db.dataDir), "complaint-files");
  return join(repoRoot(process.cwd()), ".data", "complaint-files");
}

/** The process's complaint file store (see `complaintFilesDir`). */
export function complaintFileStore(): FileStore {
  defaultStore ??= createFileStore(complaintFilesDir());
  return defaultStore;
}

interface FileMeta {
  name: string;
  contentType: string;
  size: number;
  warnings: EvidenceWarning[];
}

/** Associated-data name of a file's bytes and of its metadata. */
const bytesField = (fileId: string) => `file:${fileId}`;
const metaField = (fileId: string) => `file-meta:${fileId}`;

/**
 * Checks every incoming file (count including `already`, size, type, macros) and
 * removes metadata. Throws on the first refusal; nothing has been stored then.
 */
export async function inspectIncoming(
  incoming: readonly IncomingFile[],
  already = 0,
): Promise<CleanEvidence[]> {
  if (already + incoming.length > EVIDENCE_MAX_FILES) throw evidenceError("tooMany");
  const out: CleanEvidence[] = [];
  for (const f of incoming) out.push(await inspectEvidence(f.name, f.bytes));
  return out;
}

export interface SealedFile {
  id: string;
  storageKey: string;
  meta: Uint8Array;
}

/** Seals and writes files to the store (before their rows: see the module comment). */
export async function storeSealed(
  box: ComplaintBox,
  files: readonly CleanEvidence[],
  store: FileStore,
): Promise<SealedFile[]> {
  const out: SealedFile[] = [];
  for (const f of files) {
    const id = crypto.randomUUID();
    const stored = await store.put(box.sealBytes(bytesField(id), f.bytes));
    const meta: FileMeta = {
      name: f.fileName,
      contentType: f.contentType,
      size: f.bytes.byteLength,
      warnings: f.warnings,
    };
    out.push({ id, storageKey: stored.key, meta: box.sealJson(metaField(id), meta) });
  }
  return out;
}

/** Removes files written for a transaction that did not commit. */
export async function unstore(files: readonly SealedFile[], store: FileStore): Promise<void> {
  for (const f of files) await store.remove(f.storageKey).catch(() => {});
}

type FileRow = typeof complaintFiles.$inferSelect;

export function summarize(box: ComplaintBox, row: FileRow): EvidenceFileSummary {
  const meta = box.openJson<FileMeta>(metaField(row.id), row.meta!);
  return {
    id: row.id,
    name: meta.name,
    contentType: meta.contentType,
    size: meta.size,
    warnings: meta.warnings.filter(isEvidenceWarning),
  };
}

export type ComplaintFileSummary = EvidenceFileSummary & { eventId: string | null };

/** A complaint's (or draft's) files, oldest first, opened with its box. */
export async function listFiles(
  db: Executor,
  owner: { complaintId: string } | { draftId: string },
  box: ComplaintBox,
): Promise<ComplaintFileSummary[]> {
  const rows = await db
    .select()
    .from(complaintFiles)
    .where(
      "complaintId" in owner
        ? eq(complaintFiles.complaintId, owner.complaintId)
        : eq(complaintFiles.draftId, owner.draftId),
    )
    .orderBy(asc(complaintFiles.seq));
  return rows.map((r) => ({ ...summarize(box, r), eventId: r.eventId }));
}

/** One file's clear bytes (null when the stored file is missing). */
export async function openFile(
  box: ComplaintBox,
  row: FileRow,
  store: FileStore,
): Promise<{ summary: EvidenceFileSummary; bytes: Uint8Array } | null> {
  const sealed = await store.read(row.storageKey);
  if (!sealed) return null;
  return { summary: summarize(box, row), bytes: box.openBytes(bytesField(row.id), sealed) };
}

/** Deletes file rows and then their stored bytes. */
export async function deleteFiles(
  db: Executor,
  ids: readonly string[],
  store: FileStore,
): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db
    .delete(complaintFiles)
    .where(inArray(complaintFiles.id, [...ids]))
    .returning({ storageKey: complaintFiles.storageKey });
  for (const r of rows) await store.remove(r.storageKey);
}
