import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Descriptions are written in Markdown or pasted as HTML (from Word or an old site):
 * Markdown passes HTML through, so both go through `marked` and then an allow-list.
 * The result is safe to render as is on the public page.
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
    a: ["href", "title"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowProtocolRelative: false,
  // A pasted <h1> would compete with the page title: demote it.
  transformTags: {
    h1: "h2",
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: "noopener noreferrer nofollow" },
    }),
  },
  allowedSchemesAppliedToAttributes: ["href"],
};

export function renderDescription(source: string | undefined | null): string {
  if (!source?.trim()) return "";
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, {
    ...OPTIONS,
    allowedAttributes: { ...OPTIONS.allowedAttributes, a: ["href", "title", "rel"] },
  }).trim();
}
