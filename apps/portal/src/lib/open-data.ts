import type { RouterOutputs } from "@ita/api";
import type { APIContext } from "astro";
import { toCsv, CSV_CONTENT_TYPE } from "./csv.ts";
import { isNotFound } from "./page-errors.ts";
import {
  agencyFeedPath,
  agencyPath,
  disclosuresOpenDataPath,
  filePath,
  itemPath,
} from "@ita/domain/paths";

type Agencies = RouterOutputs["public"]["openAgencies"];
type Disclosures = RouterOutputs["public"]["openDisclosures"];

const LICENSE_NOTE = "ข้อมูลสาธารณะที่หน่วยงานเผยแพร่ตามมาตรการเปิดเผยข้อมูลต่อสาธารณะ";

export function agenciesJson(agencies: Agencies, origin: string) {
  return {
    description: LICENSE_NOTE,
    count: agencies.length,
    agencies: agencies.map((a) => ({
      slug: a.slug,
      nameTh: a.nameTh,
      nameEn: a.nameEn,
      type: a.type,
      province: { slug: a.provinceSlug, nameTh: a.provinceTh },
      district: a.districtSlug ? { slug: a.districtSlug, nameTh: a.districtTh } : null,
      address: a.address,
      phone: a.phone,
      email: a.email,
      website: a.website,
      socialLinks: a.socialLinks,
      complaintChannels: a.complaintChannels,
      publishedDocuments: a.documents,
      lastPublishedAt: a.lastPublishedAt?.toISOString() ?? null,
      url: `${origin}${agencyPath(a.slug)}`,
      disclosuresJson: `${origin}${disclosuresOpenDataPath(a.slug, "json")}`,
      disclosuresCsv: `${origin}${disclosuresOpenDataPath(a.slug, "csv")}`,
      feed: `${origin}${agencyFeedPath(a.slug)}`,
    })),
  };
}

export function agenciesCsv(agencies: Agencies, origin: string): string {
  return toCsv(
    [
      "slug",
      "name_th",
      "name_en",
      "type",
      "province",
      "district",
      "address",
      "phone",
      "email",
      "website",
      "published_documents",
      "last_published_at",
      "url",
    ],
    agencies.map((a) => [
      a.slug,
      a.nameTh,
      a.nameEn,
      a.type,
      a.provinceTh,
      a.districtTh,
      a.address,
      a.phone,
      a.email,
      a.website,
      a.documents,
      a.lastPublishedAt?.toISOString() ?? "",
      `${origin}${agencyPath(a.slug)}`,
    ]),
  );
}

export function disclosuresJson(data: Disclosures, origin: string) {
  return {
    description: LICENSE_NOTE,
    agency: { ...data.agency, url: `${origin}${agencyPath(data.agency.slug)}` },
    fiscalYear: data.fiscalYear,
    count: data.entries.length,
    entries: data.entries.map((e) => ({
      id: e.id,
      fiscalYear: e.fiscalYear,
      itemCode: e.itemCode,
      categories: e.categories,
      title: e.title,
      publishedAt: e.publishedAt.toISOString(),
      permalink: `${origin}${itemPath(data.agency.slug, e.fiscalYear, e.itemCode)}`,
      links: e.links,
      attachments: e.attachments.map((f) => ({
        fileName: f.fileName,
        contentType: f.contentType,
        sizeBytes: f.sizeBytes,
        url: `${origin}${filePath(f.id, f.fileName)}`,
      })),
    })),
  };
}

export function disclosuresCsv(data: Disclosures, origin: string): string {
  return toCsv(
    [
      "fiscal_year",
      "item_code",
      "categories",
      "title",
      "published_at",
      "permalink",
      "attachment_urls",
      "links",
    ],
    data.entries.map((e) => [
      e.fiscalYear,
      e.itemCode,
      e.categories.join(" "),
      e.title,
      e.publishedAt.toISOString(),
      `${origin}${itemPath(data.agency.slug, e.fiscalYear, e.itemCode)}`,
      // Several files in one cell, one URL per line: still one row per entry.
      e.attachments.map((f) => `${origin}${filePath(f.id, f.fileName)}`).join("\n"),
      e.links.map((l) => l.url).join("\n"),
    ]),
  );
}

export const jsonResponse = (body: unknown, lastModified?: Date | null) =>
  new Response(JSON.stringify(body, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "access-control-allow-origin": "*",
      ...(lastModified ? { "last-modified": lastModified.toUTCString() } : {}),
    },
  });

export const csvResponse = (body: string, fileName: string, lastModified?: Date | null) =>
  new Response(body, {
    headers: {
      "content-type": CSV_CONTENT_TYPE,
      "content-disposition": `inline; filename="${fileName}"`,
      "access-control-allow-origin": "*",
      ...(lastModified ? { "last-modified": lastModified.toUTCString() } : {}),
    },
  });

export function latest(dates: readonly (Date | null | undefined)[]): Date | null {
  let max: Date | null = null;
  for (const d of dates) if (d && (!max || d > max)) max = d;
  return max;
}

/**
 * The disclosures of `/open-data/agencies/<slug>/disclosures.*?fy=`, or the 404 page's
 * response for an unknown agency or a bad year (shared by the JSON and CSV routes).
 */
export async function loadOpenDisclosures(context: APIContext): Promise<Disclosures | Response> {
  const { locals, url, params, rewrite } = context;
  try {
    return await locals.api.public.openDisclosures({
      slug: params.slug ?? "",
      fiscalYear: (url.searchParams.get("fy") ?? undefined) as unknown as number,
    });
  } catch (error) {
    if (isNotFound(error)) return rewrite("/404");
    throw error;
  }
}
