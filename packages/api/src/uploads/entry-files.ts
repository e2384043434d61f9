import { createFileStore, type FileStore } from "@ita/db/files";

let store: FileStore | null = null;

/** The process's store of entry attachments (FILES_DIR), for use cases that write a file themselves. */
export function entryFileStore(): FileStore {
  store ??= createFileStore();
  return store;
}

/** Tests point the store at a folder of their own. */
export function useEntryFileStore(files: FileStore): void {
  store = files;
}
