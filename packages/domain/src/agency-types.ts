/** Kinds of agency taking part in ITA (docs/domain.md §1, §10). Frameworks differ by type. */

export const AGENCY_TYPES = [
  "province",
  "district",
  "pao",
  "city-municipality",
  "town-municipality",
  "subdistrict-municipality",
  "sao",
  "central",
] as const;

export type AgencyType = (typeof AGENCY_TYPES)[number];

export const AGENCY_TYPE_LABELS: Record<AgencyType, { th: string; thShort: string; en: string }> = {
  province: { th: "จังหวัด", thShort: "จ.", en: "Province" },
  district: { th: "อำเภอ", thShort: "อ.", en: "District" },
  pao: { th: "องค์การบริหารส่วนจังหวัด", thShort: "อบจ.", en: "Provincial Administrative Organisation" },
  "city-municipality": { th: "เทศบาลนคร", thShort: "ทน.", en: "City municipality" },
  "town-municipality": { th: "เทศบาลเมือง", thShort: "ทม.", en: "Town municipality" },
  "subdistrict-municipality": { th: "เทศบาลตำบล", thShort: "ทต.", en: "Sub-district municipality" },
  sao: {
    th: "องค์การบริหารส่วนตำบล",
    thShort: "อบต.",
    en: "Sub-district Administrative Organisation",
  },
  central: { th: "ส่วนราชการ", thShort: "ส่วนราชการ", en: "Government agency" },
};

export function isAgencyType(x: unknown): x is AgencyType {
  return typeof x === "string" && (AGENCY_TYPES as readonly string[]).includes(x);
}

const LOCAL_ADMINISTRATION: ReadonlySet<AgencyType> = new Set<AgencyType>([
  "pao",
  "city-municipality",
  "town-municipality",
  "subdistrict-municipality",
  "sao",
]);

/** Local administrative organisations (อปท.): elected local governments, not state administration. */
export function isLocalAdministration(t: AgencyType): boolean {
  return LOCAL_ADMINISTRATION.has(t);
}
