import { env } from "../env.ts";

/** Absolute URLs for feeds, sitemaps and open data: the configured public origin, else the request's. */
export function publicOrigin(requestUrl: URL): string {
  return (env.PUBLIC_ORIGIN ?? requestUrl.origin).replace(/\/$/, "");
}

export const agencyPath = (slug: string, fiscalYear?: number) =>
  `/agencies/${slug}${fiscalYear ? `?fy=${fiscalYear}` : ""}`;

/** The permalink an assessor pastes into ITAS; never changes when content is edited. */
export const itemPath = (slug: string, fiscalYear: number, itemCode: string) =>
  `/agencies/${slug}/${fiscalYear}/${itemCode}`;

export const filePath = (id: string, fileName: string) =>
  `/files/${id}/${encodeURIComponent(fileName)}`;
