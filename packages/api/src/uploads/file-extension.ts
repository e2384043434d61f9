/**
 * The extensions a download may carry for each type we accept (detected from the
 * bytes). The first is the one given when the name has none of them.
 */
const EXTENSIONS: Record<string, readonly string[]> = {
  "application/pdf": ["pdf"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  "application/x-cfb": ["doc", "xls", "ppt"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/webp": ["webp"],
  "text/csv": ["csv"],
  "text/plain": ["txt"],
};

/**
 * The file name with an extension that matches its detected type, so what a visitor
 * downloads opens as what it is ("report.exe" holding a PDF becomes "report.pdf"). A
 * wrong extension is replaced; a name without one (or ending in ".2568") gets one.
 */
export function withMatchingExtension(name: string, contentType: string, fallbackExt?: string) {
  const allowed = EXTENSIONS[contentType] ?? (fallbackExt ? [fallbackExt] : []);
  const wanted = allowed[0];
  if (!wanted) return name;
  const match = /\.([a-z][a-z0-9]{0,7})$/i.exec(name);
  if (match && allowed.includes(match[1]!.toLowerCase())) return name;
  const stem = match ? name.slice(0, match.index) : name;
  return `${stem || "ไฟล์แนบ"}.${wanted}`;
}
