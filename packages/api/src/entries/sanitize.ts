import { marked } from "marked";
import sanitizeHtml from "sanitize-html";
import TurndownService from "turndown";

/**
 * Descriptions are written in Markdown or pasted as HTML (from Word or an old site):
 * Markdown passes HTML through, so both go through `marked` and then this allow-list.
 * The portal runs the same allow-list again when it renders (`sanitizeDescription`), as
 * defence in depth: a row edited in the database must not reach the public as script.
 * No style attributes: the portal's CSP would block them anyway.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    th: ["scope", "colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowProtocolRelative: false,
  // A pasted <h1> would compete with the page title: demote it.
  transformTags: {
    h1: "h2",
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: "nofollow noopener noreferrer" },
    }),
  },
  allowedSchemesAppliedToAttributes: ["href"],
};

/** The allow-list alone, for HTML that was stored (feeds, the public item page). */
export function sanitizeDescription(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** What an editor typed (Markdown or HTML) as safe HTML, as stored with the version. */
export function renderDescription(source: string | undefined | null): string {
  if (!source?.trim()) return "";
  return sanitizeDescription(
    marked.parse(source, { async: false, gfm: true, breaks: true }),
  ).trim();
}

const HTML_TAG = /<\/?[a-z][a-z0-9]*(\s[^>]*)?>/i;

const turndown = new TurndownService({
  headingStyle: "atx",
  bulletListMarker: "-",
  emDelimiter: "*",
  codeBlockStyle: "fenced",
});

/**
 * What the editor shows for a version: what the clerk typed, or for a row that only has
 * HTML (imported, seeded) or whose typed text was pasted HTML, that HTML written back as
 * Markdown — never raw `<p>` tags in the box.
 */
export function descriptionForEditing(version: {
  descriptionSource: string | null;
  descriptionHtml: string;
}): string {
  const source = version.descriptionSource;
  // Typed Markdown or plain text stays as typed; pasted HTML is shown as Markdown too.
  if (source !== null && !HTML_TAG.test(source)) return source;
  return version.descriptionHtml.trim() ? turndown.turndown(version.descriptionHtml) : "";
}
