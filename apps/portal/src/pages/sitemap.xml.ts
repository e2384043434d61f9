import { agencyPath, homePath, searchPath } from "@ita/domain/paths";
import type { APIRoute } from "astro";
import { publicOrigin } from "../lib/urls.ts";
import { xmlText } from "../lib/xml.ts";

/** Home, search, open data and every agency page (item pages are linked from there). */
export const GET: APIRoute = async ({ locals, url }) => {
  const origin = publicOrigin(url);
  const agencies = await locals.api.public.sitemap();
  const urls = [
    `  <url><loc>${xmlText(`${origin}${homePath()}`)}</loc></url>`,
    `  <url><loc>${xmlText(`${origin}${searchPath()}`)}</loc></url>`,
    ...agencies.map(
      (a) =>
        `  <url><loc>${xmlText(`${origin}${agencyPath(a.slug)}`)}</loc><lastmod>${a.lastModified.toISOString()}</lastmod></url>`,
    ),
  ];
  return new Response(
    `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`,
    {
      headers: { "content-type": "application/xml; charset=utf-8" },
    },
  );
};
