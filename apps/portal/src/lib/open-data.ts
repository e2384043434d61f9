import type { RouterOutputs } from "@ita/api";
import type { APIContext } from "astro";
import { toCsv, CSV_CONTENT_TYPE } from "./csv.ts";
import { isNotFound } from "./page-errors.ts";
import { ITA_INDICATORS } from "@ita/domain/results";
import {
  agencyFeedPath,
  agencyPath,
  disclosuresOpenDataPath,
  filePath,
  itemPath,
} from "@ita/domain/paths";

type Agencies = RouterOutputs["public"]["openAgencies"];
type Disclosures = RouterOutputs["public"]["openDisclosures"];
type Results = RouterOutputs["public"]["openResults"];

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

const RESULTS_NOTE =
  "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ตามที่สำนักงาน ป.ป.ช. ประกาศ";

export function resultsJson(results: Results, origin: string) {
  return {
    description: RESULTS_NOTE,
    indicators: ITA_INDICATORS.map((i) => ({
      no: i.no,
      instrument: i.instrument.toUpperCase(),
      nameTh: i.labelTh,
      nameEn: i.labelEn,
    })),
    count: results.length,
    results: results.map((r) => ({
      agency: {
        slug: r.slug,
        nameTh: r.nameTh,
        nameEn: r.nameEn,
        province: { slug: r.provinceSlug, nameTh: r.provinceTh },
        url: `${origin}${agencyPath(r.slug)}`,
      },
      fiscalYear: r.fiscalYear,
      iit: r.iit,
      eit: r.eit,
      oit: r.oit,
      indicators: r.indicators,
      total: r.total,
      gradingScheme: r.gradingScheme,
      grade: r.grade.code,
      gradeTh: r.grade.labelTh,
      gradeEn: r.grade.labelEn,
      passed: r.grade.passed,
    })),
  };
}

export function resultsCsv(results: Results, origin: string): string {
  return toCsv(
    [
      "agency",
      "name_th",
      "province",
      "fiscal_year",
      "total",
      "grade",
      "grade_th",
      "passed",
      "iit",
      "eit",
      "oit",
      ...ITA_INDICATORS.map((i) => `indicator_${i.no}`),
      "grading_scheme",
      "url",
    ],
    results.map((r) => [
      r.slug,
      r.nameTh,
      r.provinceTh,
      r.fiscalYear,
      r.total.toFixed(2),
      r.grade.code,
      r.grade.labelTh,
      r.grade.passed === null ? "" : r.grade.passed,
      r.iit?.toFixed(2),
      r.eit?.toFixed(2),
      r.oit?.toFixed(2),
      ...ITA_INDICATORS.map((i) => r.indicators?.[i.no - 1]?.toFixed(2) ?? ""),
      r.gradingScheme,
      `${origin}${agencyPath(r.slug)}`,
    ]),
  );
}

/** The results of `/open-data/results.*?fy=`, or the 404 page's response for a bad year. */
export async function loadOpenResults(context: APIContext): Promise<Results | Response> {
  const { locals, url, rewrite } = context;
  try {
    return await locals.api.public.openResults({
      fiscalYear: (url.searchParams.get("fy") ?? undefined) as unknown as number,
    });
  } catch (error) {
    if (isNotFound(error)) return rewrite("/404");
    throw error;
  }
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
