/**
 * `Content-Disposition` with the original (often Thai) file name: an ASCII fallback
 * for old clients and the exact name as RFC 5987 `filename*`.
 */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]|["\\%;]/g, "_").trim() || "file";
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
