/** The bytes of a file the API sent as base64 (tRPC answers are JSON). */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/**
 * Has the browser save `content` as a file named `fileName`. The link is in the document
 * while clicked (some browsers ignore a detached one) and the object URL is released
 * only later: revoking it at once can cancel a download that has not started yet.
 */
export function saveFile(fileName: string, content: BlobPart, contentType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: contentType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
