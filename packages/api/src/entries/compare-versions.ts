import { diffWords } from "diff";
import sanitizeHtml from "sanitize-html";

interface ComparedVersion {
  title: string;
  descriptionSource: string | null;
  descriptionHtml: string | null;
}

interface ComparedFile {
  fileName: string;
  sha256: string;
}

export type TextChange = { kind: "same" | "added" | "removed"; text: string };

/** Thai has no spaces between words: the diff cuts at ICU's word boundaries. */
const words = new Intl.Segmenter("th", { granularity: "word" });

/** The description as its editor typed it, or as text when only HTML was kept. */
function descriptionText(v: ComparedVersion): string {
  if (v.descriptionSource !== null) return v.descriptionSource;
  return sanitizeHtml(v.descriptionHtml ?? "", { allowedTags: [], allowedAttributes: {} });
}

function textChanges(before: string, after: string): TextChange[] | null {
  if (before === after) return null;
  return diffWords(before, after, { intlSegmenter: words }).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

/**
 * What a new version changes against the published one, for the approver: the title
 * and the description as word diffs, and files added or removed (a file is the same
 * when its name and bytes are).
 */
export function compareVersions(
  published: ComparedVersion & { files: ComparedFile[] },
  current: ComparedVersion & { files: ComparedFile[] },
) {
  const key = (f: ComparedFile) => `${f.sha256}/${f.fileName}`;
  const before = new Set(published.files.map(key));
  const after = new Set(current.files.map(key));
  return {
    title: textChanges(published.title, current.title),
    description: textChanges(descriptionText(published), descriptionText(current)),
    filesAdded: current.files.filter((f) => !before.has(key(f))).map((f) => f.fileName),
    filesRemoved: published.files.filter((f) => !after.has(key(f))).map((f) => f.fileName),
  };
}

export type VersionChanges = ReturnType<typeof compareVersions>;
