/**
 * The public portal's URL paths, built in one place for both apps (portal pages, open
 * data, feeds, sitemap, the admin's "view the public page" link). Item permalinks are
 * what agencies hand to the ITA assessors: their shape must never change
 * (docs/domain.md §3). Paths only; callers prefix an origin where they need absolute URLs.
 */

export type OpenDataFormat = "json" | "csv";

/** `#entry-<id>`: the anchor of one entry on its item page. */
const entryAnchor = (entryId?: string) => (entryId ? `#entry-${entryId}` : "");

export const homePath = () => "/";

export const searchPath = () => "/search";

export const provincePath = (slug: string) => `/provinces/${slug}`;

/** An agency's page; without a year it shows the current fiscal year. */
export const agencyPath = (slug: string, fiscalYear?: number) =>
  `/agencies/${slug}${fiscalYear ? `?fy=${fiscalYear}` : ""}`;

/** The permalink of an item (optionally one entry on it); never changes when content is edited. */
export const itemPath = (slug: string, fiscalYear: number, itemCode: string, entryId?: string) =>
  `/agencies/${slug}/${fiscalYear}/${itemCode}${entryAnchor(entryId)}`;

/** A public attachment; the file name is part of the URL so downloads keep it. */
export const filePath = (id: string, fileName: string) =>
  `/files/${id}/${encodeURIComponent(fileName)}`;

/**
 * A file of an entry for its staff, drafts and older versions included (served by the
 * API after the same checks as the entry; never a public URL).
 */
export const staffFilePath = (id: string, fileName: string) =>
  `/api/attachments/${id}/${encodeURIComponent(fileName)}`;

/** The Atom feed of the whole portal. */
export const siteFeedPath = () => "/feed.xml";

/** The Atom feed of one agency. */
export const agencyFeedPath = (slug: string) => `/agencies/${slug}/feed.xml`;

/** Every agency, as open data. */
export const agenciesOpenDataPath = (format: OpenDataFormat) => `/open-data/agencies.${format}`;

/** Every agency's published ITA results as open data; one fiscal year with `fiscalYear`. */
export const resultsOpenDataPath = (format: OpenDataFormat, fiscalYear?: number) =>
  `/open-data/results.${format}${fiscalYear ? `?fy=${fiscalYear}` : ""}`;

/** One agency's disclosures as open data; without a year, the current fiscal year. */
export const disclosuresOpenDataPath = (
  slug: string,
  format: OpenDataFormat,
  fiscalYear?: number,
) => `/open-data/agencies/${slug}/disclosures.${format}${fiscalYear ? `?fy=${fiscalYear}` : ""}`;

/** Where a complaint starts: the agency search, or the form for one agency. */
export const complaintStartPath = (slug?: string) =>
  slug ? `/complaints/new/${slug}` : "/complaints/new";

/** Following a complaint up with its receipt code (the code is posted, never in the URL). */
export const complaintTrackPath = () => "/complaints/track";

/** The receipt as a PDF: POST only, the code travels in the body (issue #11). */
export const complaintReceiptPdfPath = () => "/complaints/receipt.pdf";

/** One agency's complaint statistics of a fiscal year (the current one without `fiscalYear`). */
export const complaintStatisticsOpenDataPath = (
  slug: string,
  format: OpenDataFormat,
  fiscalYear?: number,
) => `/open-data/agencies/${slug}/complaints.${format}${fiscalYear ? `?fy=${fiscalYear}` : ""}`;

/** The evidence download of a complaint's own file for its complainant: POST only, the code in the body. */
export const complaintEvidencePath = () => "/complaints/evidence";

/** An agency's complaint inbox in the admin (links in reminder e-mails; the admin is served under /admin). */
export const adminComplaintInboxPath = (agencyId: string) =>
  `/admin/agencies/${agencyId}/complaints`;

/** An agency's checklist of a fiscal year in the admin (links in review-reminder e-mails). */
export const adminChecklistPath = (agencyId: string, fiscalYear: number) =>
  `/admin/agencies/${agencyId}/${fiscalYear}`;
