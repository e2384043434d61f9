import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  adminChecklistPath,
  adminComplaintInboxPath,
  complaintEvidencePath,
  complaintStartPath,
  complaintStatisticsOpenDataPath,
  resultsOpenDataPath,
  complaintTrackPath,
  complaintReceiptPdfPath,
  agenciesOpenDataPath,
  agencyFeedPath,
  agencyPath,
  disclosuresOpenDataPath,
  filePath,
  homePath,
  itemPath,
  provincePath,
  searchPath,
  siteFeedPath,
  staffFilePath,
} from "@ita/domain/paths";
import * as paths from "@ita/domain/paths";
import { describe, expect, it } from "vitest";

// The portal's routes as Astro sees them: one per file under src/pages.
const pagesDir = fileURLToPath(new URL("../pages", import.meta.url));
// The admin's routes as SvelteKit sees them: one per +page.svelte under its src/routes, served
// under the base path its vite.config.ts sets (the portal process serves the admin there).
const adminDir = fileURLToPath(new URL("../../../admin", import.meta.url));
const adminRoutesDir = join(adminDir, "src/routes");
const adminBase = /paths:\s*\{\s*base:\s*"([^"]*)"/.exec(
  readFileSync(join(adminDir, "vite.config.ts"), "utf8"),
)![1]!;

interface Route {
  file: string;
  pattern: RegExp;
  params: string[];
}

function routes(dir = pagesDir): Route[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return routes(full);
    const file = relative(pagesDir, full);
    return [toRoute(file, file.replace(/\.(astro|ts)$/, "").replace(/(^|\/)index$/, ""))];
  });
}

/** SvelteKit's pages: a folder with a +page.svelte; (group) folders are not in the URL. */
function adminRoutes(dir = adminRoutesDir): Route[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return adminRoutes(full);
    if (entry.name !== "+page.svelte") return [];
    const file = relative(adminRoutesDir, full);
    const route = [adminBase.replace(/^\//, ""), ...file.split("/").slice(0, -1)]
      .filter((segment) => segment && !/^\(.*\)$/.test(segment))
      .join("/");
    return [toRoute(file, route)];
  });
}

function toRoute(file: string, route: string): Route {
  const params: string[] = [];
  const source = route
    .split("/")
    .map((segment) => {
      const dynamic = /^\[(\.\.\.)?(\w+)\]$/.exec(segment);
      if (!dynamic) return segment.replace(/\./g, "\\.");
      params.push(dynamic[2]!);
      return dynamic[1] ? "(.*)" : "([^/]+)";
    })
    .join("/");
  return { file, params, pattern: new RegExp(`^/${source}$`) };
}

/** The route a path is served with (static segments win), and its decoded params. */
function resolveRoute(pathname: string, table = routes()) {
  const candidates = table
    .filter((r) => r.pattern.test(pathname))
    .sort((a, b) => a.params.length - b.params.length);
  const route = candidates[0];
  if (!route) return null;
  const values = route.pattern.exec(pathname)!.slice(1).map(decodeURIComponent);
  return {
    file: route.file,
    params: Object.fromEntries(route.params.map((p, i) => [p, values[i]])),
  };
}

const cases: Array<{
  name: string;
  path: string;
  file: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  hash?: string;
}> = [
  { name: "home", path: homePath(), file: "index.astro" },
  { name: "search", path: searchPath(), file: "search.astro" },
  {
    name: "province",
    path: provincePath("lamphun"),
    file: "provinces/[slug].astro",
    params: { slug: "lamphun" },
  },
  {
    name: "agency",
    path: agencyPath("ban-klang"),
    file: "agencies/[slug]/index.astro",
    params: { slug: "ban-klang" },
  },
  {
    name: "agency in a year",
    path: agencyPath("ban-klang", 2567),
    file: "agencies/[slug]/index.astro",
    params: { slug: "ban-klang" },
    query: { fy: "2567" },
  },
  {
    name: "item permalink",
    path: itemPath("ban-klang", 2568, "O28"),
    file: "agencies/[slug]/[fy]/[item].astro",
    params: { slug: "ban-klang", fy: "2568", item: "O28" },
  },
  {
    name: "entry on its item",
    path: itemPath("ban-klang", 2568, "O28", "0b6e"),
    file: "agencies/[slug]/[fy]/[item].astro",
    params: { slug: "ban-klang", fy: "2568", item: "O28" },
    hash: "#entry-0b6e",
  },
  {
    name: "file",
    path: filePath("f-1", "แผน 2568 (ฉบับที่ 2)#?.pdf"),
    file: "files/[id]/[name].ts",
    params: { id: "f-1", name: "แผน 2568 (ฉบับที่ 2)#?.pdf" },
  },
  {
    name: "file for staff",
    path: staffFilePath("f-1", "ร่าง 2568 (ฉบับที่ 2)#?.pdf"),
    file: "api/attachments/[id]/[name].ts",
    params: { id: "f-1", name: "ร่าง 2568 (ฉบับที่ 2)#?.pdf" },
  },
  { name: "site feed", path: siteFeedPath(), file: "feed.xml.ts" },
  {
    name: "agency feed",
    path: agencyFeedPath("ban-klang"),
    file: "agencies/[slug]/feed.xml.ts",
    params: { slug: "ban-klang" },
  },
  { name: "agencies JSON", path: agenciesOpenDataPath("json"), file: "open-data/agencies.json.ts" },
  { name: "agencies CSV", path: agenciesOpenDataPath("csv"), file: "open-data/agencies.csv.ts" },
  {
    name: "disclosures JSON",
    path: disclosuresOpenDataPath("ban-klang", "json"),
    file: "open-data/agencies/[slug]/disclosures.json.ts",
    params: { slug: "ban-klang" },
  },
  {
    name: "disclosures CSV of a year",
    path: disclosuresOpenDataPath("ban-klang", "csv", 2566),
    file: "open-data/agencies/[slug]/disclosures.csv.ts",
    params: { slug: "ban-klang" },
    query: { fy: "2566" },
  },
  { name: "results JSON", path: resultsOpenDataPath("json"), file: "open-data/results.json.ts" },
  {
    name: "results CSV of a year",
    path: resultsOpenDataPath("csv", 2565),
    file: "open-data/results.csv.ts",
    query: { fy: "2565" },
  },
  { name: "complaint start", path: complaintStartPath(), file: "complaints/new/index.astro" },
  {
    name: "complaint form of an agency",
    path: complaintStartPath("ban-klang"),
    file: "complaints/new/[slug].astro",
    params: { slug: "ban-klang" },
  },
  { name: "complaint tracking", path: complaintTrackPath(), file: "complaints/track.astro" },
  {
    name: "complaint receipt PDF (POST)",
    path: complaintReceiptPdfPath(),
    file: "complaints/receipt.pdf.ts",
  },
  {
    name: "complaint evidence download (POST)",
    path: complaintEvidencePath(),
    file: "complaints/evidence.ts",
  },
  {
    name: "complaint statistics CSV of a year",
    path: complaintStatisticsOpenDataPath("ban-klang", "csv", 2568),
    file: "open-data/agencies/[slug]/complaints.csv.ts",
    params: { slug: "ban-klang" },
    query: { fy: "2568" },
  },
  {
    name: "complaint statistics JSON",
    path: complaintStatisticsOpenDataPath("ban-klang", "json"),
    file: "open-data/agencies/[slug]/complaints.json.ts",
    params: { slug: "ban-klang" },
  },
];

describe("@ita/domain/paths round-trip through the portal's routes", () => {
  it("has a case for every builder", () => {
    const tested: Array<{ name: string }> = [
      homePath,
      searchPath,
      provincePath,
      agencyPath,
      itemPath,
      filePath,
      staffFilePath,
      siteFeedPath,
      agencyFeedPath,
      agenciesOpenDataPath,
      disclosuresOpenDataPath,
      complaintStartPath,
      complaintTrackPath,
      complaintReceiptPdfPath,
      complaintStatisticsOpenDataPath,
      resultsOpenDataPath,
      complaintEvidencePath,
      adminComplaintInboxPath,
      adminChecklistPath,
    ];
    const names = tested.map((builder) => builder.name);
    expect(Object.keys(paths).sort()).toEqual(names.sort());
  });

  it.each(cases)("$name: $path", ({ path, file, params = {}, query = {}, hash = "" }) => {
    const url = new URL(path, "http://portal.test");
    expect(resolveRoute(url.pathname)).toEqual({ file, params });
    expect(Object.fromEntries(url.searchParams)).toEqual(query);
    expect(url.hash).toBe(hash);
  });
});

// Builders of admin URLs (links in e-mails) resolve to a SvelteKit page of the admin.
const adminCases: Array<{
  name: string;
  path: string;
  file: string;
  params: Record<string, string>;
}> = [
  {
    name: "agency's complaint inbox",
    path: adminComplaintInboxPath("0b6e-agency"),
    file: "agencies/[agencyId]/complaints/+page.svelte",
    params: { agencyId: "0b6e-agency" },
  },
  {
    name: "agency's checklist of a year",
    path: adminChecklistPath("0b6e-agency", 2569),
    file: "agencies/[agencyId]/[fy]/+page.svelte",
    params: { agencyId: "0b6e-agency", fy: "2569" },
  },
];

describe("@ita/domain/paths round-trip through the admin's routes", () => {
  it("reads the admin's base path", () => {
    expect(adminBase).toBe("/admin");
  });

  it.each(adminCases)("$name: $path", ({ path, file, params }) => {
    const url = new URL(path, "http://portal.test");
    expect(resolveRoute(url.pathname, adminRoutes())).toEqual({ file, params });
    expect(url.search).toBe("");
    expect(url.hash).toBe("");
  });

  it("does not send an admin path to a portal page", () => {
    for (const { path } of adminCases) expect(resolveRoute(path)).toBeNull();
  });
});
