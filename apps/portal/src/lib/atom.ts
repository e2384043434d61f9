import type { RouterOutputs } from "@ita/api";
import { itemPath } from "@ita/domain/paths";
import { sanitizeDescription } from "@ita/api/sanitize";
import { xmlText } from "./xml.ts";

type Feed = RouterOutputs["public"]["feed"];

/** An Atom 1.0 feed (RFC 4287) of the newest publications; entry ids are stable tag URIs. */
export function atomFeed(
  feed: Feed,
  options: { origin: string; selfPath: string; title: string; alternatePath: string },
): string {
  const { origin } = options;
  const updated = feed.entries[0]?.updatedAt ?? new Date(0);
  const host = new URL(origin).hostname;
  const entries = feed.entries.map((e) => {
    const link = `${origin}${itemPath(e.agencySlug, e.fiscalYear, e.itemCode, e.id)}`;
    return `  <entry>
    <id>tag:${host},2026:entry:${e.id}</id>
    <title>${xmlText(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlText(link)}"/>
    <published>${e.publishedAt.toISOString()}</published>
    <updated>${e.updatedAt.toISOString()}</updated>
    <author><name>${xmlText(e.agencyNameTh)}</name></author>
    <category term="${xmlText(e.itemCode)}" label="${xmlText(`${e.itemCode} ปีงบประมาณ ${e.fiscalYear}`)}"/>
    <content type="html">${xmlText(sanitizeDescription(e.descriptionHtml))}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="th">
  <id>${xmlText(`${origin}${options.selfPath}`)}</id>
  <title>${xmlText(options.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xmlText(`${origin}${options.selfPath}`)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(`${origin}${options.alternatePath}`)}"/>
  <updated>${updated.toISOString()}</updated>
${entries.join("\n")}
</feed>
`;
}

export const atomResponse = (xml: string) =>
  new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
