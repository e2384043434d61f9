import { agencies, districts, provinces } from "@ita/db/schema";
import { asc, count, eq, sql } from "drizzle-orm";
import type { Context } from "../context.ts";

export interface DirectoryAgency {
  slug: string;
  nameTh: string;
  nameEn: string | null;
  type: string;
}

export interface DirectoryDistrict {
  slug: string;
  nameTh: string;
  nameEn: string;
  agencies: DirectoryAgency[];
}

export interface DirectoryProvince {
  slug: string;
  nameTh: string;
  nameEn: string;
  agencyCount: number;
  districts: DirectoryDistrict[];
}

/** Agencies grouped by province and district, in Thai alphabetical order. */
export async function listAgencyDirectory({ ctx, provinceSlug }: { ctx: Pick<Context, "db">; provinceSlug?: string }): Promise<DirectoryProvince[]> {
  const rows = await ctx.db
    .select({
      provinceSlug: provinces.slug,
      provinceTh: provinces.nameTh,
      provinceEn: provinces.nameEn,
      districtSlug: districts.slug,
      districtTh: districts.nameTh,
      districtEn: districts.nameEn,
      slug: agencies.slug,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      type: agencies.type,
    })
    .from(agencies)
    .innerJoin(provinces, eq(provinces.id, agencies.provinceId))
    .leftJoin(districts, eq(districts.id, agencies.districtId))
    .where(provinceSlug ? eq(provinces.slug, provinceSlug) : sql`true`)
    .orderBy(asc(provinces.nameTh), asc(districts.nameTh), asc(agencies.nameTh));

  const byProvince = new Map<string, DirectoryProvince>();
  for (const r of rows) {
    let province = byProvince.get(r.provinceSlug);
    if (!province) {
      province = { slug: r.provinceSlug, nameTh: r.provinceTh, nameEn: r.provinceEn, agencyCount: 0, districts: [] };
      byProvince.set(r.provinceSlug, province);
    }
    const districtSlug = r.districtSlug ?? "-";
    let district = province.districts.find((d) => d.slug === districtSlug);
    if (!district) {
      district = { slug: districtSlug, nameTh: r.districtTh ?? "ไม่ระบุอำเภอ", nameEn: r.districtEn ?? "No district", agencies: [] };
      province.districts.push(district);
    }
    district.agencies.push({ slug: r.slug, nameTh: r.nameTh, nameEn: r.nameEn, type: r.type });
    province.agencyCount += 1;
  }
  return [...byProvince.values()];
}

export async function countAgencies({ ctx }: { ctx: Pick<Context, "db"> }): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(agencies);
  return row?.n ?? 0;
}
