import { readError } from "#lib/errors.ts";

/** One row of the progress list shown while files upload. */
export interface UploadItem {
  key: string;
  name: string;
  progress: number;
  state: "uploading" | "done" | "failed";
  message?: string;
  href?: string;
}

export interface UploadResult {
  ok: boolean;
  status: number;
  body: unknown;
}

/**
 * Sends one file to /api/uploads with XMLHttpRequest, whose upload progress events
 * fetch() still lacks, so each file gets its own progress bar.
 */
export function uploadFile(
  query: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/uploads?${query}`);
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: keep null
      }
      onProgress(1);
      resolve({ ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, body: null });
    xhr.send(file);
  });
}

/**
 * Uploads files in parallel, one progress row each appended to `rows`; `onChange`
 * gets the new list on every change (assign it to the page's $state). `onDone` may add
 * to a finished row (e.g. a link to the entry the upload created).
 */
export async function uploadFiles(
  files: File[],
  query: string,
  rows: UploadItem[],
  onChange: (rows: UploadItem[]) => void,
  onDone: (body: unknown) => Partial<UploadItem> = () => ({}),
): Promise<void> {
  const added = files.map((f, i): UploadItem => ({
    key: `${Date.now()}-${i}-${f.name}`,
    name: f.name,
    progress: 0,
    state: "uploading",
  }));
  let current = [...rows, ...added];
  onChange(current);
  const update = (key: string, patch: Partial<UploadItem>) => {
    current = current.map((u) => (u.key === key ? { ...u, ...patch } : u));
    onChange(current);
  };
  await Promise.all(
    files.map(async (file, i) => {
      const key = added[i]!.key;
      const result = await uploadFile(query, file, (progress) => update(key, { progress }));
      if (result.ok) update(key, { state: "done", ...onDone(result.body) });
      else update(key, { state: "failed", message: readError(result.body).message });
    }),
  );
}
